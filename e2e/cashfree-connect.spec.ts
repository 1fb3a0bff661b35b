import { expect, type Page, test } from "@playwright/test";

import { buyChai, confirmAction, OWNER, signIn } from "./helpers";
import { E2E_SANDBOX_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// "Connect with Cashfree" end to end: the owner goes through the sandbox's consent page, PG calls then carry the
// merchant's bearer token; forged and replayed callbacks are refused; an unlinked or broken connection pauses
// checkout until the owner reconnects.
test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);
test.describe.configure({ mode: "serial", timeout: 120_000 });

const TOKEN_PATTERN = /cf[ar]t_[\w-]{20,}/;

type OAuthDebug = { bearer_calls: { method: string; path: string; atMs: number }[]; refreshes: number };
const sandboxOAuth = async (page: Page) =>
  (await (await page.request.get(`${E2E_SANDBOX_URL}/_sandbox/oauth`)).json()) as OAuthDebug;

/** From the settings page (or the banner): Cashfree's consent page, "Allow access", and back. */
async function connect(page: Page, button: string | RegExp = "Connect with Cashfree") {
  await page.getByRole("button", { name: button }).first().click();
  await expect(page.getByRole("heading", { name: "Connect your Cashfree account" })).toBeVisible();
  expect(page.url().startsWith(`${E2E_SANDBOX_URL}/partners/oauth/consent/`)).toBe(true);
  await page.getByRole("button", { name: "Allow access" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\?cashfree=connected/, { timeout: 20_000 });
  await expect(page.getByText("Connected with Cashfree.")).toBeVisible();
}

async function signInOwner(page: Page) {
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

async function expectNoTokens(page: Page) {
  expect(await page.content()).not.toMatch(TOKEN_PATTERN);
}

test("the owner connects with Cashfree in the browser, and checkout then uses the bearer token", async ({ page }) => {
  await signInOwner(page);
  await page.goto("/admin/settings");
  await expect(page.getByTestId("cashfree-mode")).toHaveText("API keys");

  const callbacks: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/cashfree/oauth/callback")) callbacks.push(request.url());
  });
  await connect(page);
  await expect(page.getByTestId("cashfree-mode")).toHaveText("Connected account (OAuth)");
  await expect(page.getByTestId("cashfree-merchant-id")).toHaveText("CFLOCAL0001");
  await expect(page.getByTestId("cashfree-status")).toHaveText("Connected");
  await expect(page.getByTestId("cashfree-expiry")).toHaveText(/\d{4}/);
  await expectNoTokens(page);

  // A replay of the very callback that just connected is refused.
  expect(callbacks).toHaveLength(1);
  const state = new URL(callbacks[0]!).searchParams.get("state")!;
  expect(state.length).toBeGreaterThanOrEqual(8);
  expect(state.length).toBeLessThanOrEqual(64);
  await page.goto(callbacks[0]!);
  await expect(page.getByText(/invalid, expired or already used/)).toBeVisible();
  await expect(page.getByTestId("cashfree-status")).toHaveText("Connected");

  // A forged state is refused too, and the connection stays as it was.
  await page.goto("/api/cashfree/oauth/callback?state=forged-state-0000&code=abc&merchant_id=CFLOCAL0001");
  await expect(page.getByText(/invalid, expired or already used/)).toBeVisible();
  await page.goto("/api/cashfree/oauth/callback?code=abc");
  await expect(page.getByText(/invalid, expired or already used/)).toBeVisible();
  await expect(page.getByTestId("cashfree-merchant-id")).toHaveText("CFLOCAL0001");

  const since = Date.now() - 1000;
  await buyChai(page);
  await expectNoTokens(page);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(page).toHaveURL(`${E2E_SANDBOX_URL}/pg/view/sessions/checkout`);
  const calls = (await sandboxOAuth(page)).bearer_calls.filter((c) => c.atMs >= since);
  expect(calls).toContainEqual(expect.objectContaining({ method: "POST", path: "/pg/orders" }));
});

test("a stranger's callback is refused without touching the connection", async ({ page }) => {
  const response = await page.goto("/api/cashfree/oauth/callback?state=forged-state-0000&code=abc");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  expect(response?.status()).toBe(200);
});

test("unlinking in Cashfree pauses checkout; reconnecting resumes it", async ({ page, browser }) => {
  await signInOwner(page);
  const unlinked = await page.request.post(`${E2E_SANDBOX_URL}/_sandbox/oauth/unlink`, { data: {} });
  expect(await unlinked.json()).toMatchObject({ connection_status: "Unlinked" });

  // The signed merchant.unlinked webhook reaches the shop: the admin says so on every page.
  await expect(async () => {
    await page.goto("/admin/orders");
    await expect(page.getByRole("alert").filter({ hasText: "Payments are paused." })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("alert").filter({ hasText: "unlinked" })).toBeVisible();

  const shopper = await browser.newPage();
  await shopper.goto("/products/masala-chai-blend");
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper.getByRole("link", { name: "View cart" })).toBeVisible();
  await shopper.goto("/checkout");
  await expect(shopper.getByText("Payments are paused", { exact: true })).toBeVisible();
  await expect(shopper.getByRole("button", { name: /^Pay ₹/ })).toHaveCount(0);

  await connect(page, "Reconnect");
  await expect(page.getByRole("alert").filter({ hasText: "Payments are paused." })).toHaveCount(0);

  const since = Date.now() - 1000;
  await buyChai(shopper);
  await shopper.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(shopper).toHaveURL(`${E2E_SANDBOX_URL}/pg/view/sessions/checkout`);
  const calls = (await sandboxOAuth(page)).bearer_calls.filter((c) => c.atMs >= since);
  expect(calls).toContainEqual(expect.objectContaining({ method: "POST", path: "/pg/orders" }));
  await shopper.close();
});

test("a revoked refresh token breaks the connection with a clear message and pauses checkout", async ({ page }) => {
  await signInOwner(page);
  // Cashfree no longer honours the tokens: the next PG call is refused, the refresh too.
  await page.request.post(`${E2E_SANDBOX_URL}/_sandbox/oauth/refresh-tokens/revoke`);
  await page.request.post(`${E2E_SANDBOX_URL}/_sandbox/oauth/access-tokens/expire`);

  await buyChai(page);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(page.getByText(/could not start the payment|Payments are paused/).first()).toBeVisible();
  await page.goto("/checkout");
  await expect(page.getByText("Payments are paused", { exact: true })).toBeVisible();

  await page.goto("/admin/settings");
  await expect(page.getByTestId("cashfree-status")).toHaveText(/Broken/);
  await expect(page.getByTestId("cashfree-reason")).toHaveText(/refused to refresh.*Connect again/);
  await expect(page.getByRole("alert").filter({ hasText: "The Cashfree connection is broken." })).toBeVisible();
  await expectNoTokens(page);

  // Disconnect goes back to API keys, and checkout works again with them.
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("alertdialog", { name: "Disconnect your Cashfree account?" })).toContainText(
    "payments go back to the API keys",
  );
  await confirmAction(page, "Disconnect");
  await expect(page.getByText(/Disconnected from Cashfree/)).toBeVisible();
  await expect(page.getByTestId("cashfree-mode")).toHaveText("API keys");
  await page.goto("/checkout");
  await expect(page.getByRole("button", { name: /^Pay ₹/ })).toBeVisible();
});
