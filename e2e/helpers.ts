import { type Browser, type BrowserContext, expect, type FrameLocator, type Page } from "@playwright/test";

export const OWNER = { email: "owner@kaveri.local", password: "kaveri-local-owner" };
/** Signing in checks an scrypt hash: seconds on a busy machine (measured 3–5 s at load 11), not the default 5 s. */
export const SIGN_IN_TIMEOUT = 20_000;
export const STAFF = { email: "staff@kaveri.local", password: "kaveri-local-staff" };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Answers the admin's confirmation (components/admin/confirm-dialog.tsx) with the button that goes ahead. */
export async function confirmAction(page: Page, name: string | RegExp) {
  await page.getByRole("alertdialog").getByRole("button", { name }).click();
}

/** On an admin order page: refunds `amount` rupees, confirming "Refund ₹… to …?". Returns the form. */
export async function refundOrder(page: Page, amount: string, reason: string) {
  const form = page.getByRole("form", { name: "Refund" });
  await form.getByLabel("Amount (₹)").fill(amount);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Refund", exact: true }).click();
  await confirmAction(page, /^Refund ₹/);
  return form;
}

/** Puts Masala Chai in the cart and fills the checkout form, ready for "Pay ₹…". */
export const buyChai = (page: Page, quantity = 1) => buyProduct(page, "masala-chai-blend", quantity);

/** `path` is a product page, with a variant chosen in it if need be (`/products/coffee?variant=SKU`). */
export async function buyProduct(page: Page, slugOrPath: string, quantity = 1) {
  await page.goto(slugOrPath.startsWith("/") ? slugOrPath : `/products/${slugOrPath}`);
  if (quantity > 1) await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "View cart" })).toBeVisible();
  await fillCheckout(page);
}

/** Opens checkout with the cart as it is and fills in the shopper, ready for "Pay ₹…". */
export async function fillCheckout(page: Page) {
  await page.goto("/checkout");
  await page.getByLabel("Full name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@example.com");
  await page.getByLabel("Mobile number").fill("9876543210");
  await page.getByLabel("Address", { exact: true }).fill("12 MG Road");
  await page.getByLabel("City").fill("Bengaluru");
  await page.getByLabel("PIN code").fill("560001");
  await page.getByLabel("State").selectOption("Karnataka");
}

/** On the sandbox's hosted checkout: the first test card, then the simulator decides. */
export async function payByCard(checkout: Page | FrameLocator, outcome: "SUCCESS" | "FAILED") {
  await checkout.getByRole("button", { name: /^Use Visa debit/ }).click();
  await checkout.getByRole("button", { name: "Proceed to Pay" }).click();
  await expect(checkout.getByRole("heading", { name: "Simulator" })).toBeVisible();
  await checkout.getByLabel("Simulation Status").selectOption(outcome);
  if (outcome === "FAILED") await checkout.getByLabel("Failure Type").selectOption("INSUFFICIENT_FUNDS");
  await checkout.getByRole("button", { name: "Submit" }).click();
}

/** The owner picks how checkout opens (Admin → Settings), in a context of its own. */
export async function setCheckoutVariant(browser: Browser, variant: "Redirect" | "Popup" | "Inline") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  await page.goto("/admin/settings");
  await page.getByRole("radio", { name: new RegExp(`^${variant}`) }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await context.close();
}

/**
 * Collects every Content-Security-Policy violation in the context's pages and frames, as the browser itself
 * reports it (the `securitypolicyviolation` event fires for each one, whether or not a report is sent).
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__cspViolation", ({ frame }, text: string) => {
    violations.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
      },
      true,
    );
  });
  return violations;
}
