import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { buyChai, OWNER, payByCard, refundOrder, signIn, STAFF } from "./helpers";
import { LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// The audit log: a merchant's day (a price, the stock, a refund, a mistyped password) is on the record, and the
// owner reads it back, filtered, with what changed, and downloads it; staff cannot open it.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

const DABBA = "Brass Masala Dabba";

async function openDabba(merchant: Page) {
  await merchant.goto("/admin/products");
  await merchant.getByRole("link", { name: DABBA }).click();
  await expect(merchant.getByRole("heading", { level: 1 })).toHaveText(DABBA);
}

// Sold as one item: its price is in the product's details.
const dabbaPriceForm = (merchant: Page) => merchant.getByRole("form", { name: "Product" });
const inr = (rupees: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(rupees);

// Each change from a freshly loaded page, so the status it waits for is its own, not the last one's.
async function setDabbaPrice(merchant: Page, rupees: string) {
  await openDabba(merchant);
  const form = dabbaPriceForm(merchant);
  await form.getByLabel("Price (₹)").fill(rupees);
  await form.getByRole("button", { name: "Save product" }).click();
  await expect(form.getByRole("status")).toHaveText("Product saved.");
}

async function changeDabbaStock(merchant: Page, units: number, reason: string) {
  await openDabba(merchant);
  const stock = merchant.getByRole("form", { name: "Stock" });
  await stock.getByLabel("Change (units)").fill(String(units));
  await stock.getByLabel("Reason").fill(reason);
  await stock.getByRole("button", { name: "Update stock" }).click();
  await expect(merchant.getByText(/^Stock is now \d+\.$/)).toBeVisible();
}

async function filter(merchant: Page, fields: { action?: string; outcome?: string; who?: string }) {
  const form = merchant.getByRole("form", { name: "Filter the audit log" });
  await form.getByLabel("Action").selectOption(fields.action ? { label: fields.action } : "");
  await form.getByLabel("Outcome").selectOption(fields.outcome ?? "");
  await form.getByLabel("Who").fill(fields.who ?? "");
  await form.getByRole("button", { name: "Apply" }).click();
}

const entries = (merchant: Page) =>
  merchant
    .getByRole("table")
    .getByRole("row")
    .filter({ has: merchant.getByRole("cell") });

test("the owner reads the day's changes, with before and after, filters them, and downloads the CSV", async ({
  page,
  browser,
}) => {
  // A checkout, a sign-in and a dozen admin pages: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  // A paid order to refund.
  await buyChai(page, 2);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  const merchant = await browser.newPage();
  // A mistyped password first: on the record, with the address and e-mail, though no one signed in.
  await signIn(merchant, { email: OWNER.email, password: "kaveri-local-ownr" });
  // A fresh server's first sign-in can take a while (the password hash is deliberately slow).
  await expect(merchant.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText(
    "That email and password do not match an account.",
    { timeout: 15_000 },
  );
  await signIn(merchant, OWNER);
  await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 15_000 });

  // Each attempt its own values (a retry runs on the same database), and the catalog put back whatever happens.
  const run = Date.now().toString(36);
  await openDabba(merchant);
  const was = Number(await dabbaPriceForm(merchant).getByLabel("Price (₹)").inputValue());
  const now = was + 1 + (Date.now() % 97);
  await setDabbaPrice(merchant, now.toFixed(2));
  try {
    await changeDabbaStock(merchant, 4, `Delivery from Moradabad ${run}`);
    await changeDabbaStock(merchant, -4, `Undo the test delivery ${run}`);
  } finally {
    await setDabbaPrice(merchant, was.toFixed(2));
  }

  await merchant.goto(`/admin/orders/${encodeURIComponent(orderId)}`);
  const refund = await refundOrder(merchant, "50", "Late delivery goodwill");
  await expect(refund.getByRole("status")).toHaveText("Refund of ₹50.00 submitted to Cashfree.");

  await merchant.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  await expect(merchant.getByRole("heading", { name: "Audit log" })).toBeVisible();

  // The price, before and after; the filter lives in the address.
  await filter(merchant, { action: "Product edited" });
  await expect(merchant).toHaveURL(/action=product\.update/);
  // The change, not its undo.
  const price = entries(merchant).filter({ hasText: `${inr(was)} → changed to ${inr(now)}` });
  await expect(price).toHaveCount(1);
  await expect(price).toContainText(OWNER.email);
  await expect(price).toContainText("BRASS-MASALA-DABBA");
  await expect(price).toContainText("ok");
  await expect(price.getByRole("list", { name: "Changes" }).getByRole("listitem").first()).toHaveText(
    `price ${inr(was)} → changed to ${inr(now)}`,
  );
  // Where from: the address the server saw (this test's browser, on this machine) and its browser.
  await expect(price).toContainText(/127\.0\.0\.1|::1/);
  await expect(price).toContainText("Chrome");

  await filter(merchant, { action: "Stock adjusted", who: "OWNER@kaveri" });
  const stock = entries(merchant).filter({ hasText: `Delivery from Moradabad ${run}` });
  await expect(stock).toHaveCount(1);
  await expect(stock.getByRole("list", { name: "Changes" })).toContainText(/stock \d+ → changed to \d+/);

  await filter(merchant, { action: "Refund" });
  const refunded = entries(merchant).filter({ hasText: orderId });
  await expect(refunded).toHaveCount(1);
  await expect(refunded).toContainText("amount:₹50.00");
  await expect(refunded).toContainText("Late delivery goodwill");

  await filter(merchant, { action: "Sign-in", outcome: "failed" });
  await expect(merchant).toHaveURL(/outcome=failed/);
  await expect(entries(merchant).filter({ hasNotText: "failed" })).toHaveCount(0);
  const failed = entries(merchant).filter({ hasText: OWNER.email }).first();
  await expect(failed).toContainText("invalid_credentials");

  // The CSV: everything the filters select (here, no filter), one row per entry, the newest first.
  await filter(merchant, {});
  const download = merchant.waitForEvent("download");
  await merchant.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "occurred_at,actor_email,actor_admin_id,action,outcome,target_type,target_id,ip_address,user_agent,request_id,before,after,detail",
  );
  expect(csv).toContain(`${OWNER.email},,auth.sign_in,failed,`);
  const priceLine = lines.find((line) => line.includes(`""pricePaise"":${Math.round(now * 100)},`));
  expect(priceLine).toMatch(/,product\.update,ok,product,[\w-]+,[^,]+,/);
  expect(csv).toContain(`,order.refund,ok,order,${orderId},`);
  expect(csv).toContain(",stock.adjust,ok,product,");

  await merchant.close();
});

test("staff cannot open the audit log or download it", async ({ page }) => {
  await signIn(page, STAFF);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByRole("alert").filter({ hasText: /./ }).last()).toHaveText("That page needs the owner role.");
  expect((await page.request.get("/admin/audit/export")).status()).toBe(403);
});
