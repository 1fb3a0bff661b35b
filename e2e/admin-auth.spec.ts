import { expect, test } from "@playwright/test";

import { OWNER, signIn, STAFF } from "./helpers";

test("admin pages send strangers to the sign-in page", async ({ page }) => {
  for (const path of ["/admin", "/admin/orders", "/admin/products", "/admin/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
  }
  const exportResponse = await page.request.get("/admin/orders/export");
  expect(exportResponse.status()).toBe(401);
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await signIn(page, { email: OWNER.email, password: "not-the-password" });
  await expect(page.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText(
    "That email and password do not match an account.",
  );
  await signIn(page, { email: "nobody@kaveri.local", password: "whatever" });
  await expect(page.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText(
    "That email and password do not match an account.",
  );
});

test("the owner signs in, sees the console, and signs out", async ({ page }) => {
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin/orders");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("staff cannot open owner settings", async ({ page }) => {
  await signIn(page, STAFF);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.goto("/admin/settings");
  await expect(page.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText("That page needs the owner role.");
});

test("sign-in is throttled after repeated failures on one account", async ({ page }) => {
  const victim = { email: "throttle-test@kaveri.local", password: "wrong" };
  for (let i = 0; i < 5; i++) await signIn(page, victim);
  await signIn(page, victim);
  // A cool-down on this account from this address, not a lock of the account from everywhere (review defect 4;
  // e2e/rate-limits.spec.ts signs the owner in from elsewhere meanwhile).
  await expect(page.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText(
    /^Too many failed attempts\. Please wait \d+ (seconds|minutes) and try again\.$/,
  );
});

// Review defect 7: after signing out, a copy of the old session cookie still opened the admin.
test("signing out ends the session: a copy of its cookie no longer opens the admin", async ({ page, browser }) => {
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);

  const thief = await browser.newContext({ storageState: copied });
  const stolen = await thief.newPage();
  await stolen.goto("/admin/orders");
  await expect(stolen).toHaveURL(/\/admin\/sign-in$/);
  expect((await stolen.request.get("/admin/orders/export")).status()).toBe(401);
  await thief.close();
});

test("a merchant changes stock and the shop shows it", async ({ page }) => {
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Kantha Stitch Throw" }).click();
  await expect(page.getByRole("heading", { name: "Stock: 0 available" })).toBeVisible();
  await page.getByLabel("Change (units)").fill("3");
  await page.getByLabel("Reason").first().fill("Restock from the Bolpur co-operative");
  await page.getByRole("button", { name: "Update stock" }).click();
  await expect(page.getByText("Stock is now 3.")).toBeVisible();

  await page.goto("/products/kantha-stitch-throw");
  await expect(page.getByText("Only a few left")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();

  // Put the stock back: other specs expect the seeded catalog (this throw is the sold-out one).
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Kantha Stitch Throw" }).click();
  await page.getByLabel("Change (units)").fill("-3");
  await page.getByLabel("Reason").first().fill("Correction");
  await page.getByRole("button", { name: "Update stock" }).click();
  await expect(page.getByText("Stock is now 0.")).toBeVisible();
});

test("GitHub sign-in, when configured, sends the merchant to GitHub; Google stays hidden", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("button", { name: "Continue with Google" })).toHaveCount(0);
  const toGitHub = page.waitForRequest((request) =>
    request.url().startsWith("https://github.com/login/oauth/authorize"),
  );
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  const url = new URL((await toGitHub).url());
  expect(url.searchParams.get("client_id")).toBe("e2e-github-client");
  expect(url.searchParams.get("redirect_uri")).toMatch(/\/api\/auth\/callback\/github$/);
});
