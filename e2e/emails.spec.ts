import { expect, test } from "@playwright/test";

import { buyChai, OWNER, payByCard, refundOrder, signIn } from "./helpers";
import { emailsAbout, linkIn, ORDER_PAGE_LINK, waitForEmail } from "./mail";
import { E2E_SANDBOX_URL, E2E_SMTP_PROXY_CONTROL_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

test.describe("order e-mails through a real SMTP server", () => {
  test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

  test("a paid order gets exactly one confirmation whose link opens the order; shipping e-mails the tracking link", async ({
    page,
    browser,
  }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
    const total = (await page
      .getByRole("row", { name: /^Total \(GST included\)/ })
      .getByRole("cell")
      .last()
      .textContent())!;

    const confirmation = await waitForEmail(orderId, `Order ${orderId} confirmed — ${total}`);
    expect(confirmation.to[0]!.address).toBe("asha@example.com");
    expect(confirmation.text).toContain(`Total paid: ${total}`);
    const orderLink = linkIn(confirmation, ORDER_PAGE_LINK);
    expect(orderLink).toBeTruthy();
    const shopper = await browser.newPage();
    await shopper.goto(orderLink!);
    await expect(shopper.getByRole("heading", { name: "Payment successful" })).toBeVisible();

    // The merchant ships it; the shopper is told, and the order page shows the tracking link.
    await signIn(page, OWNER);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.goto(`/admin/orders/${orderId}`);
    const ship = page.getByRole("form", { name: "Ship" });
    await ship.getByLabel("Courier").selectOption("Delhivery");
    await ship.getByLabel("Tracking (AWB) number").fill("bad awb!");
    await ship.getByRole("button", { name: "Mark shipped" }).click();
    await expect(ship.getByText("Enter the tracking (AWB) number: 6–30 letters and digits.").first()).toBeVisible();
    await ship.getByLabel("Tracking (AWB) number").fill("DL987654321");
    await ship.getByRole("button", { name: "Mark shipped" }).click();
    // The page re-renders with the shipment in place of the form.
    await expect(page.getByRole("region", { name: "Shipping", exact: true })).toContainText(
      "Delhivery · AWB DL987654321",
    );

    const shipped = await waitForEmail(orderId, `Order ${orderId} has shipped`);
    // Cashfree was told too (Update Order Extended), by its own outbox job: the same run as the e-mail's, which
    // may take either job first.
    const shipment = async () => (await fetch(`${E2E_SANDBOX_URL}/_sandbox/orders/${orderId}/shipment`)).json();
    await expect.poll(shipment, { timeout: 10_000 }).toMatchObject({
      order_delivery_status: { status: "SHIPPED" },
      shipment_details: [{ tracking_company: "Delhivery", tracking_numbers: ["DL987654321"] }],
    });
    expect(shipped.html).toContain("https://www.delhivery.com/track/package/DL987654321");
    await shopper.reload();
    await expect(shopper.getByRole("link", { name: "Track your parcel" })).toHaveAttribute(
      "href",
      "https://www.delhivery.com/track/package/DL987654321",
    );
    expect((await emailsAbout(orderId)).filter((e) => e.subject.includes("confirmed"))).toHaveLength(1);
    await page.reload();
    await expect(
      page.getByRole("region", { name: "E-mails" }).getByText(`sent to asha@example.com`).first(),
    ).toBeVisible();
  });

  test("a failed payment's e-mail has a Pay again link that pays the order", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "FAILED");
    await expect(page.getByRole("heading", { name: "Payment failed" })).toBeVisible();
    const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
    const failed = await waitForEmail(orderId, `Payment for order ${orderId} did not go through`);
    await page.goto(linkIn(failed, ORDER_PAGE_LINK)!);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  });

  test("find my order answers a right and a wrong pair alike, and only the right one sends the link", async ({
    page,
  }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
    const subject = `Your order ${orderId} at Kaveri & Co.`;

    const ask = async (email: string, orderNumber: string) => {
      await page.goto("/orders/find");
      await page.getByLabel("E-mail used for the order").fill(email);
      await page.getByLabel("Order number").fill(orderNumber);
      await page.getByRole("button", { name: "E-mail me the link" }).click();
      return page.getByRole("status").filter({ hasText: /./ }).last();
    };
    const answer = "If an order with that number was placed with that e-mail, its link is on its way to that address.";
    await expect(await ask("someone-else@example.com", orderId)).toHaveText(answer);
    await expect(await ask("asha@example.com", orderId.toLowerCase())).toHaveText(answer);
    const sent = await waitForEmail(orderId, subject);
    expect(sent.to.map((to) => to.address)).toEqual(["asha@example.com"]);
    expect(linkIn(sent, ORDER_PAGE_LINK)).toContain(`/orders/${orderId}?token=`);
    expect((await emailsAbout(orderId)).filter((e) => e.subject === subject)).toHaveLength(1);
  });

  test("a partial refund e-mails the shopper when it starts and when Cashfree completes it", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
    await signIn(page, OWNER);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.goto(`/admin/orders/${orderId}`);
    const refund = await refundOrder(page, "50.25", "One packet arrived torn");
    await expect(refund.getByRole("status")).toHaveText("Refund of ₹50.25 submitted to Cashfree.");
    const started = await waitForEmail(orderId, `Refund of ₹50.25 started for order ${orderId}`);
    expect(started.text).toContain("₹50.25");
    // The sandbox settles the refund and sends REFUND_STATUS_WEBHOOK; that webhook leaves the second e-mail.
    await waitForEmail(orderId, `Refund of ₹50.25 completed for order ${orderId}`);
  });

  test("an SMTP outage delays the confirmation, fails nothing else, and it is delivered once SMTP is back", async ({
    page,
  }) => {
    const smtp = (state: "down" | "up") => fetch(`${E2E_SMTP_PROXY_CONTROL_URL}/${state}`, { method: "POST" });
    await smtp("down");
    try {
      await buyChai(page);
      await page.getByRole("button", { name: /^Pay ₹/ }).click();
      await payByCard(page, "SUCCESS");
      // The shopper is not held up by the outage.
      await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
      const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
      await page.waitForTimeout(3_000);
      expect(await emailsAbout(orderId)).toHaveLength(0);
      await smtp("up");
      // The job retries with back-off (5 s, then 10 s …) from the background loop.
      await expect.poll(async () => (await emailsAbout(orderId)).length, { timeout: 40_000 }).toBe(1);
      await page.waitForTimeout(2_000);
      expect(await emailsAbout(orderId)).toHaveLength(1);
    } finally {
      await smtp("up");
    }
  });
});
