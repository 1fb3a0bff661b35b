import { expect, type Page, test } from "@playwright/test";

import { buyChai, confirmAction, OWNER, payByCard, signIn } from "./helpers";
import { LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// Issue 28, item 2: money moves only when the merchant meant it, once. A refund asks first, naming the amount
// and where it goes, and its form is cleared after it; cancelling an order asks first too.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

/** A paid order (4 × Masala Chai by debit card), open on the admin's order page in a second, signed-in page. */
async function paidOrderInAdmin(page: Page) {
  await buyChai(page, 4);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  const merchant = await page.context().browser()!.newPage();
  await signIn(merchant, OWNER);
  await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await merchant.goto(`/admin/orders/${encodeURIComponent(orderId)}`);
  await expect(merchant.getByRole("heading", { name: orderId })).toBeVisible();
  return { merchant, orderId };
}

test("a refund is confirmed with its amount and method, the form clears, and a second click refunds nothing", async ({
  page,
}) => {
  const { merchant } = await paidOrderInAdmin(page);
  const form = merchant.getByRole("form", { name: "Refund" });
  const amount = form.getByLabel("Amount (₹)");
  const refundButton = form.getByRole("button", { name: "Refund", exact: true });
  const refunds = merchant.getByRole("region", { name: "Refunds" }).getByRole("listitem");

  // It starts empty, with what can still be refunded beside it.
  await expect(amount).toHaveValue("");
  await expect(form.getByText("Refundable: ₹1,196.00")).toBeVisible();

  await amount.fill("10");
  await form.getByLabel("Reason").fill("Lid cracked");
  await refundButton.click();
  const dialog = merchant.getByRole("alertdialog", { name: "Refund ₹10.00 to the customer's debit card?" });
  await expect(dialog).toContainText("This can't be undone.");
  // It opens on the safe choice; going back sends nothing and keeps what was typed.
  await expect(dialog.getByRole("button", { name: "Go back" })).toBeFocused();
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(refundButton).toBeFocused();
  await expect(amount).toHaveValue("10");
  await expect(refunds).toHaveCount(0);

  await refundButton.click();
  await confirmAction(merchant, "Refund ₹10.00");
  await expect(form.getByRole("status")).toHaveText("Refund of ₹10.00 submitted to Cashfree.");
  await expect(amount).toHaveValue("");
  await expect(form.getByLabel("Reason")).toHaveValue("");
  await expect(form.getByText("Refundable: ₹1,186.00")).toBeVisible();

  // Clicking again without typing anything asks nothing and sends nothing.
  await refundButton.click();
  await expect(merchant.getByRole("alertdialog")).toHaveCount(0);
  await merchant.reload();
  await expect(refunds).toHaveCount(1);
  await expect(refunds).toContainText("₹10.00");

  // "Use full amount" fills in the remainder.
  await form.getByRole("button", { name: "Use full amount" }).click();
  await expect(amount).toHaveValue("1186.00");
});

test("cancelling a paid order asks first, naming the refund and where it goes", async ({ page }) => {
  const { merchant, orderId } = await paidOrderInAdmin(page);
  await merchant.getByRole("button", { name: "Cancel order" }).click();
  const dialog = merchant.getByRole("alertdialog", { name: `Cancel order ${orderId}?` });
  await expect(dialog).toContainText("₹1,196.00 goes back to the customer's debit card.");
  await expect(dialog).toContainText("This can't be undone.");
  await merchant.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await merchant.reload();
  await expect(merchant.getByText("ready to ship")).toBeVisible();

  await merchant.getByRole("button", { name: "Cancel order" }).click();
  await confirmAction(merchant, "Cancel and refund ₹1,196.00");
  // The page comes back without the button (the order can no longer be cancelled), showing what was done.
  await expect(merchant.getByText("paid cancelled")).toBeVisible();
  await expect(merchant.getByRole("region", { name: "Refunds" }).getByRole("listitem")).toContainText(
    /₹1,196\.00 · (PENDING|SUCCESS) · Order cancelled before shipping/,
  );
});
