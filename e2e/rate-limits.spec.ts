import { expect, type Page, test } from "@playwright/test";

import { LIMITS } from "../lib/rate-limit/limits";
import { buyChai, OWNER, signIn } from "./helpers";
import { E2E_SANDBOX_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// Rate limits seen from the browser, on the production build. Each test speaks from an address of its own
// (X-Forwarded-For, which the app trusts from its one proxy hop), so it counts apart from the other specs.

const alert = (page: Page) => page.getByRole("alert").filter({ hasText: /./ }).last();
const NO_MATCH = "That email and password do not match an account.";

test("sign-in cools down one address after 5 wrong passwords, alike whether or not the account exists", async ({
  page,
}) => {
  const { points, blockSeconds } = LIMITS.signInPerAccountAddress;
  for (const [email, address] of [
    [OWNER.email, "198.51.100.71"],
    ["nobody-here@kaveri.local", "198.51.100.72"],
  ] as const) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
    for (let i = 0; i < points; i++) {
      await signIn(page, { email, password: "not-the-password" });
      await expect(alert(page)).toHaveText(NO_MATCH);
    }
    // Even the right password waits out the cool-down from this address.
    await signIn(page, { email, password: email === OWNER.email ? OWNER.password : "not-the-password" });
    await expect(alert(page)).toHaveText(
      `Too many failed attempts. Please wait ${blockSeconds / 60} minutes and try again.`,
    );
  }
  // The owner signing in from elsewhere is not locked out by it.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.73" });
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test.describe("the order page", () => {
  test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

  /** An unpaid order placed through the shop; the trip to the hosted page is stopped, the order page kept. */
  async function unpaidOrder(page: Page) {
    await buyChai(page);
    await page.route(/\/pg\/view\/sessions\/checkout/, (route) => route.abort());
    let text = "";
    await page.route("**/checkout", async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
      const response = await route.fetch();
      text = await response.text();
      await route.fulfill({ response, body: text });
    });
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await expect.poll(() => text).toContain("orderPath");
    const orderPath = /"orderPath":"([^"]+)"/.exec(text)![1]!.replaceAll("\\u0026", "&");
    return { orderPath, orderId: decodeURIComponent(/\/orders\/([^?]+)/.exec(orderPath)![1]!) };
  }

  test("refreshed 50 times, and asked 50 times at once, it asks Cashfree a bounded number of times", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const { orderPath, orderId } = await unpaidOrder(page);
    const getOrderCalls = async () => {
      const response = await page.request.get(`${E2E_SANDBOX_URL}/_sandbox/calls?path=/pg/orders/${orderId}`);
      const { calls } = (await response.json()) as { calls: Record<string, number> };
      return calls[`GET /pg/orders/${orderId}`] ?? 0;
    };
    const started = Date.now();
    const before = await getOrderCalls();

    const answers = await Promise.all(Array.from({ length: 50 }, () => page.request.get(orderPath)));
    expect(answers.every((answer) => answer.status() === 200)).toBe(true);
    await page.goto(orderPath);
    for (let i = 0; i < 49; i++) await page.reload({ waitUntil: "domcontentloaded" });
    await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Awaiting payment");

    const asked = (await getOrderCalls()) - before;
    const { points, durationSeconds } = LIMITS.orderConfirmPerOrder;
    // The limit's window starts at the first of these loads: past a minute, a second window may have begun.
    const windows = Math.max(1, Math.ceil((Date.now() - started) / (durationSeconds * 1000)));
    console.log(`order page: 100 loads in ${Date.now() - started} ms asked Get Order ${asked} times`);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(points * windows);
  });
});
