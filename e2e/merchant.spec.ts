import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { buyChai, OWNER, payByCard, refundOrder, signIn } from "./helpers";
import { LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// A merchant's day: find an order paid minutes ago, refund part of it (Cashfree confirms by webhook),
// export the list, and take a phone order through a payment link.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

async function paidOrder(page: Page) {
  await buyChai(page, 4);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

test("the merchant refunds part of a paid order and sees Cashfree confirm it", async ({ page, browser }) => {
  const orderId = await paidOrder(page);
  const merchant = await browser.newPage();
  await signIn(merchant, OWNER);
  await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await merchant.goto("/admin/orders");
  // Search finds it by the start of its id, typed in lower case.
  await merchant.getByLabel("Search", { exact: true }).fill(orderId.toLowerCase().slice(0, -2));
  await merchant.getByRole("button", { name: "Apply" }).click();
  await merchant.getByRole("link", { name: orderId }).click();
  await expect(merchant.getByRole("heading", { name: orderId })).toBeVisible();

  const refund = await refundOrder(merchant, "100.50", "One packet arrived torn");
  await expect(refund.getByRole("status")).toHaveText("Refund of ₹100.50 submitted to Cashfree.");

  const refunds = merchant.getByRole("region", { name: "Refunds" });
  await expect(async () => {
    await merchant.reload();
    await expect(refunds).toContainText("₹100.50");
    await expect(refunds).toContainText("SUCCESS");
  }).toPass({ timeout: 15_000 });

  // More than what remains is refused before anything is asked, and nothing changes.
  await refund.getByLabel("Amount (₹)").fill("100000");
  await refund.getByLabel("Reason").fill("Too much");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(merchant.getByRole("alertdialog")).toHaveCount(0);
  await expect(refund.getByRole("status")).toContainText("can still be refunded");

  // CSV export of the list includes the order.
  await merchant.goto("/admin/orders");
  const download = merchant.waitForEvent("download");
  await merchant.getByRole("button", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  await expect(merchant.getByRole("status").filter({ hasText: /^Exported \d+ orders\.$/ })).toBeVisible();
  expect(csv.split("\n")[0]).toContain("order_id");
  expect(csv).toContain(orderId);
  await merchant.close();
});

test("the merchant creates a payment link; the customer pays it; the link shows PAID", async ({ page, browser }) => {
  const merchant = await browser.newPage();
  await signIn(merchant, OWNER);
  await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await merchant.goto("/admin/payment-links");
  const form = merchant.getByRole("form", { name: "New payment link" });
  await form.getByLabel("Amount (₹)").fill("250");
  await form.getByLabel("Purpose").fill("Phone order: 2 brass dabbas");
  await form.getByLabel("Customer name").fill("Meera Iyer");
  await form.getByLabel("Customer mobile").fill("9123456780");
  await form.getByRole("button", { name: "Create payment link" }).click();
  await expect(form.getByRole("status")).toContainText("created:");
  const [, linkId, url] = /Link (\S+) created: (\S+)/.exec((await form.getByRole("status").textContent())!)!;

  await page.goto(url!);
  await expect(page.getByRole("heading", { name: "Phone order: 2 brass dabbas" })).toBeVisible();
  await page.getByRole("button", { name: "Pay ₹250.00" }).click();
  await page.getByRole("tab", { name: "UPI" }).click();
  await page.getByRole("button", { name: "Use testsuccess@gocash" }).click();
  await page.getByRole("button", { name: "Verify and Pay" }).click();

  await merchant.goto(`/admin/payment-links/${linkId}`);
  await expect(async () => {
    await merchant.reload();
    await expect(merchant.getByText("PAID", { exact: true }).first()).toBeVisible();
  }).toPass({ timeout: 15_000 });
  await merchant.close();
});
