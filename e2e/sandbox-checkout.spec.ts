import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { expect, type FrameLocator, type Page, test } from "@playwright/test";

import { orderBody, startTestSandbox, type TestSandbox } from "../sandbox/testing/harness";

// The sandbox's hosted checkout driven through the official @cashfreepayments/cashfree-js loader on a plain
// HTML page (its own origin, as a merchant site would be), in all three variants.
let t: TestSandbox;
let site: Server;
let siteUrl: string;

test.beforeAll(async () => {
  t = await startTestSandbox();
  const pageHtml = readFileSync(path.join(import.meta.dirname, "sandbox-page/index.html"), "utf8").replace(
    "__SANDBOX__",
    t.sandbox.url,
  );
  const loader = readFileSync(path.resolve("node_modules/@cashfreepayments/cashfree-js/dist/script.esm.js"), "utf8");
  site = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://site");
    if (url.pathname === "/cashfree-js.mjs")
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(loader);
    if (url.pathname === "/return")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end(`<h1>Back at the shop</h1><p id="order">${url.searchParams.get("order_id")}</p>`);
    res.writeHead(200, { "content-type": "text/html" }).end(pageHtml);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await t.close();
  await new Promise((resolve) => site.close(resolve));
});

async function newOrder() {
  const body = orderBody({ order_amount: 1499, order_meta: { return_url: `${siteUrl}/return?order_id={order_id}` } });
  const created = await t.api<{ payment_session_id: string }>("POST", "/orders", body);
  return { orderId: body.order_id, session: created.body.payment_session_id };
}

async function openCheckout(page: Page, variant: string, session: string) {
  await page.goto(`${siteUrl}/?variant=${variant}&session=${encodeURIComponent(session)}`);
  await expect(page.locator("body[data-ready=true]")).toBeAttached();
  await page.getByRole("button", { name: "Pay" }).click();
}

/** Pays with the first test card; the simulator then decides the outcome. */
async function payByCard(checkout: Page | FrameLocator, outcome: "SUCCESS" | "FAILED") {
  await expect(checkout.getByText("₹1499.00")).toBeVisible();
  await checkout.getByRole("button", { name: /^Use Visa debit/ }).click();
  await expect(checkout.getByLabel("Card Number")).toHaveValue("4706131211212123");
  await expect(checkout.getByLabel("Expiry (MM/YY)")).not.toBeEmpty();
  await expect(checkout.getByLabel("CVV")).not.toBeEmpty();
  await expect(checkout.getByLabel("Card Holder Name")).not.toBeEmpty();
  await checkout.getByRole("button", { name: "Proceed to Pay" }).click();
  await expect(checkout.getByRole("heading", { name: "Simulator" })).toBeVisible();
  await checkout.getByLabel("OTP").fill("111000");
  await checkout.getByLabel("Simulation Status").selectOption(outcome);
  if (outcome === "FAILED") await checkout.getByLabel("Failure Type").selectOption("INSUFFICIENT_FUNDS");
  await checkout.getByRole("button", { name: "Submit" }).click();
}

async function payByUpi(checkout: FrameLocator, vpa: "testsuccess@gocash" | "testfailure@gocash") {
  await checkout.getByRole("tab", { name: "UPI" }).click();
  await expect(checkout.getByRole("heading", { name: "Pay by UPI ID" })).toBeVisible();
  await checkout.getByRole("button", { name: `Use ${vpa}` }).click();
  await checkout.getByRole("button", { name: "Verify and Pay" }).click();
}

async function orderState(orderId: string) {
  const order = await t.api<{ order_status: string }>("GET", `/orders/${orderId}`);
  const payments = await t.api<{ payment_status: string }[]>("GET", `/orders/${orderId}/payments`);
  return { order: order.body.order_status, payments: payments.body.map((p) => p.payment_status) };
}

const FINISHED = { paymentDetails: { paymentMessage: "Payment finished. Check status." } };
const ABORTED = {
  error: {
    type: "incomplete_request_error",
    code: "payment_aborted",
    message: "Payment has been aborted. Please try again",
  },
};
const result = async (page: Page) => JSON.parse((await page.locator("#result").textContent()) || "null");

test.describe("redirect (_self)", () => {
  for (const outcome of ["SUCCESS", "FAILED"] as const) {
    test(`card → simulator ${outcome} → back to return_url`, async ({ page }) => {
      const { orderId, session } = await newOrder();
      await openCheckout(page, "redirect", session);
      await expect(page).toHaveURL(new RegExp(`^${t.sandbox.url}/pg/view/sessions/checkout`));
      await expect(page.getByRole("heading", { name: `Order ${orderId}` })).toBeVisible();
      await payByCard(page, outcome);
      await expect(page).toHaveURL(`${siteUrl}/return?order_id=${orderId}`);
      await expect(page.locator("#order")).toHaveText(orderId);
      expect(await orderState(orderId)).toEqual(
        outcome === "SUCCESS" ? { order: "PAID", payments: ["SUCCESS"] } : { order: "ACTIVE", payments: ["FAILED"] },
      );
    });
  }
});

test.describe("modal (_modal)", () => {
  for (const [vpa, expected] of [
    ["testsuccess@gocash", { order: "PAID", payments: ["SUCCESS"] }],
    ["testfailure@gocash", { order: "ACTIVE", payments: ["FAILED"] }],
  ] as const) {
    test(`UPI ${vpa} in the popup resolves with paymentDetails`, async ({ page }) => {
      const { orderId, session } = await newOrder();
      await openCheckout(page, "modal", session);
      await expect(page.locator("#cashfree-modal-container")).toBeVisible();
      await payByUpi(page.frameLocator("#cashfree-modal-container iframe"), vpa);
      await expect(page.locator("#result")).not.toBeEmpty();
      expect(await result(page)).toEqual(FINISHED);
      await expect(page.locator("#cashfree-modal-container")).toHaveCount(0);
      expect(page.url()).toContain(siteUrl);
      await expect.poll(() => orderState(orderId)).toEqual(expected);
    });
  }

  test("closing the popup resolves payment_aborted and records USER_DROPPED", async ({ page }) => {
    const { orderId, session } = await newOrder();
    await openCheckout(page, "modal", session);
    const checkout = page.frameLocator("#cashfree-modal-container iframe");
    await checkout.getByRole("button", { name: /^Use Visa debit/ }).click();
    await checkout.getByRole("button", { name: "Proceed to Pay" }).click();
    await expect(checkout.getByRole("heading", { name: "Simulator" })).toBeVisible();
    await checkout.getByLabel("Simulation Status").selectOption("USER_DROPPED");
    await checkout.getByRole("button", { name: "Submit" }).click();
    await expect(page.locator("#result")).not.toBeEmpty();
    expect(await result(page)).toEqual(FINISHED);
    // A second try, closed without paying.
    await page.getByRole("button", { name: "Pay" }).click();
    await page.frameLocator("#cashfree-modal-container iframe").getByRole("button", { name: "Cancel payment" }).click();
    await expect.poll(() => result(page)).toEqual(ABORTED);
    expect(await orderState(orderId)).toEqual({ order: "ACTIVE", payments: ["USER_DROPPED"] });
  });
});

test.describe("inline (HTMLElement)", () => {
  for (const outcome of ["SUCCESS", "FAILED"] as const) {
    test(`card → simulator ${outcome} inside the page`, async ({ page }) => {
      const { orderId, session } = await newOrder();
      await openCheckout(page, "inline", session);
      const container = page.locator("#inline-target #cashfree-modal-container");
      await expect(container).toBeVisible();
      await payByCard(page.frameLocator("#inline-target iframe"), outcome);
      await expect(page.locator("#result")).not.toBeEmpty();
      expect(await result(page)).toEqual(FINISHED);
      await expect
        .poll(() => orderState(orderId))
        .toEqual(
          outcome === "SUCCESS" ? { order: "PAID", payments: ["SUCCESS"] } : { order: "ACTIVE", payments: ["FAILED"] },
        );
    });
  }
});

test("the checkout refuses a paid order's session with Cashfree's error page", async ({ page }) => {
  const { orderId, session } = await newOrder();
  await t.control("POST", `/orders/${orderId}/pay`, { status: "SUCCESS" });
  await openCheckout(page, "redirect", session);
  await expect(page.getByRole("heading", { name: "Order already paid" })).toBeVisible();
});

test("the checkout works by keyboard: tabs switch with arrow keys", async ({ page }) => {
  const { session } = await newOrder();
  await openCheckout(page, "redirect", session);
  await page.getByRole("tab", { name: "Card" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "UPI" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "UPI" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Pay by UPI ID" })).toBeVisible();
});
