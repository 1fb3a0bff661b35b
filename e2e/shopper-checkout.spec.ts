import AxeBuilder from "@axe-core/playwright";
import { E2E_SANDBOX_URL } from "./ports";
import { type Browser, expect, type FrameLocator, type Page, test } from "@playwright/test";

// A shopper buys through the real shop, the real browser and the local Cashfree sandbox, in each checkout
// variant the merchant can choose. The order page must say what Cashfree says, nothing the browser claims.
const OWNER = { email: "owner@kaveri.local", password: "kaveri-local-owner" };

async function setVariant(browser: Browser, variant: "Redirect" | "Popup" | "Inline") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/settings");
  await page.getByRole("radio", { name: new RegExp(`^${variant}`) }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await context.close();
}

async function buyChai(page: Page, quantity = 1) {
  await page.goto("/products/masala-chai-blend");
  if (quantity > 1) await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "View cart" })).toBeVisible();
  await page.goto("/checkout");
  await page.getByLabel("Full name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@example.com");
  await page.getByLabel("Mobile number").fill("9876543210");
  await page.getByLabel("Address", { exact: true }).fill("12 MG Road");
  await page.getByLabel("City").fill("Bengaluru");
  await page.getByLabel("PIN code").fill("560001");
  await page.getByLabel("State").selectOption("Karnataka");
}

async function payByCard(checkout: Page | FrameLocator, outcome: "SUCCESS" | "FAILED") {
  await checkout.getByRole("button", { name: /^Use Visa debit/ }).click();
  await checkout.getByRole("button", { name: "Proceed to Pay" }).click();
  await expect(checkout.getByRole("heading", { name: "Simulator" })).toBeVisible();
  await checkout.getByLabel("Simulation Status").selectOption(outcome);
  if (outcome === "FAILED") await checkout.getByLabel("Failure Type").selectOption("INSUFFICIENT_FUNDS");
  await checkout.getByRole("button", { name: "Submit" }).click();
}

const orderHeading = (page: Page) => page.getByRole("status").getByRole("heading", { level: 1 });

test.describe.configure({ mode: "serial" });

test.describe("redirect checkout", () => {
  test.beforeAll(async ({ browser }) => setVariant(browser, "Redirect"));

  test("pays by card and comes back to a confirmed order", async ({ page }) => {
    await buyChai(page, 2);
    await expect(page.getByText("₹599.98").first()).toBeVisible();
    const payButton = page.getByRole("button", { name: /^Pay ₹/ });
    const total = (await payButton.textContent())!.replace("Pay ", "").replaceAll(",", "");
    await payButton.click();
    // On Cashfree's (the sandbox's) page now, with the amount our server priced.
    await expect(page).toHaveURL(`${E2E_SANDBOX_URL}/pg/view/sessions/checkout`);
    await expect(page.getByText(total, { exact: true })).toBeVisible();
    await payByCard(page, "SUCCESS");
    await expect(page).toHaveURL(/\/orders\/[^/?]+\?token=/);
    await expect(orderHeading(page)).toHaveText("Payment successful");
    await expect(page.getByRole("cell", { name: "Masala Chai Blend, 200 g" })).toBeVisible();
  });

  test("a failed payment can be paid again from the order page", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "FAILED");
    await expect(orderHeading(page)).toHaveText("Payment failed");
    await expect(page.getByText(/No money was taken/)).toBeVisible();
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(orderHeading(page)).toHaveText("Payment successful");
  });

  test("the checkout page passes an accessibility scan", async ({ page }) => {
    await buyChai(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test.describe("popup checkout", () => {
  test.beforeAll(async ({ browser }) => setVariant(browser, "Popup"));

  test("pays by test UPI ID in the popup and lands on the confirmed order", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    const popup = page.frameLocator("#cashfree-modal-container iframe");
    await popup.getByRole("tab", { name: "UPI" }).click();
    await popup.getByRole("button", { name: "Use testsuccess@gocash" }).click();
    await popup.getByRole("button", { name: "Verify and Pay" }).click();
    await expect(page).toHaveURL(/\/orders\/[^/?]+\?token=/);
    await expect(orderHeading(page)).toHaveText("Payment successful");
  });

  test("closing the popup keeps the order, unpaid, ready to pay", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await page.frameLocator("#cashfree-modal-container iframe").getByRole("button", { name: "Cancel payment" }).click();
    await expect(page).toHaveURL(/\/orders\/[^/?]+\?token=/);
    await expect(orderHeading(page)).toHaveText("Awaiting payment");
    await expect(page.getByRole("button", { name: /^Pay ₹/ })).toBeVisible();
  });
});

test.describe("inline checkout", () => {
  test.beforeAll(async ({ browser }) => setVariant(browser, "Inline"));
  test.afterAll(async ({ browser }) => setVariant(browser, "Redirect"));

  test("a failed card shows the failure; paying again inline succeeds", async ({ page }) => {
    await buyChai(page);
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page.frameLocator("[data-testid=cashfree-inline] iframe"), "FAILED");
    await expect(orderHeading(page)).toHaveText("Payment failed");
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page.frameLocator("[data-testid=cashfree-inline] iframe"), "SUCCESS");
    await expect(orderHeading(page)).toHaveText("Payment successful");
  });
});
