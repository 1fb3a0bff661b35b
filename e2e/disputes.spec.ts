import { expect, type Page, test } from "@playwright/test";

import { buyChai, confirmAction, OWNER, payByCard, signIn, STAFF } from "./helpers";
import { E2E_SANDBOX_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// A shopper disputes a paid order with the bank; Cashfree (the sandbox) tells the shop, and the owner answers:
// evidence for one dispute, acceptance of another, with bad files refused on the way.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

/** A small but real PDF (header, one page, cross-reference table, trailer). */
function smallPdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function paidOrder(page: Page) {
  await buyChai(page, 2);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

async function openDispute(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post(`${E2E_SANDBOX_URL}/_sandbox/disputes`, { data: body });
  expect(response.ok(), await response.text()).toBe(true);
  return String(((await response.json()) as { dispute_id: number }).dispute_id);
}

test("the owner answers a shopper's disputes: evidence for one (bad files refused), acceptance of another", async ({
  page,
  browser,
}) => {
  const orderId = await paidOrder(page);
  const contested = await openDispute(page, { order_id: orderId, reason_code: "1405" });
  const accepted = await openDispute(page, {
    order_id: orderId,
    dispute_type: "CHARGEBACK",
    dispute_amount: 100,
    respond_by_days: -1,
  });

  const owner = await browser.newPage();
  await signIn(owner, OWNER);
  await expect(owner.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await owner.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Disputes" }).click();
  await expect(owner.getByRole("heading", { name: "Disputes", level: 1 })).toBeVisible();
  const open = owner.getByRole("region", { name: "Open disputes" });
  // DISPUTE_CREATED arrives by webhook: both are listed, the overdue chargeback first.
  await expect(async () => {
    await owner.reload();
    await expect(open.getByRole("link", { name: contested })).toBeVisible({ timeout: 1_000 });
    await expect(open.getByRole("link", { name: accepted })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const rows = open.getByRole("row");
  await expect(rows.nth(1)).toContainText(accepted);
  await expect(rows.nth(1)).toContainText("Chargeback");
  await expect(rows.nth(1)).toContainText("₹100.00");
  await expect(rows.nth(1)).toContainText("Overdue");
  await expect(open.getByRole("row").filter({ hasText: contested })).toContainText("Goods or services not received");

  await owner.getByRole("link", { name: "Needs attention" }).click();
  await expect(owner.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  const attention = owner.getByRole("region", { name: "Disputes" });
  await expect(attention.getByRole("link", { name: contested })).toBeVisible();
  await expect(attention.getByRole("listitem").first()).toContainText(accepted);
  await expect(attention.getByRole("listitem").first()).toContainText("Overdue");

  // The contested dispute: its order and preferred evidence, then files.
  await attention.getByRole("link", { name: contested }).click();
  await expect(owner.getByRole("heading", { name: `Dispute ${contested}` })).toBeVisible();
  await expect(owner.getByRole("region", { name: "Details" }).getByRole("link", { name: orderId })).toBeVisible();
  await expect(owner.getByRole("region", { name: "Preferred evidence" })).toContainText("Delivery/Service Proof");
  const form = owner.getByRole("form", { name: "Submit evidence" });
  const file = form.getByLabel("File (PDF, JPEG or PNG, up to 5 MB)");
  const status = form.getByRole("status");

  await form.getByLabel("Document type").selectOption("Shipping Proof");
  await file.setInputFiles({
    name: "receipt.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("not a pdf at all"),
  });
  await form.getByRole("button", { name: "Submit evidence" }).click();
  await expect(status).toHaveText("This file is not a PDF, JPEG or PNG (its contents say otherwise).");

  const oversized = Buffer.concat([smallPdf(), Buffer.alloc(5 * 1024 * 1024 + 512 * 1024)]);
  await file.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: oversized });
  await form.getByRole("button", { name: "Submit evidence" }).click();
  await expect(status).toHaveText("Evidence files must be 5 MB or smaller.");
  await expect(owner.getByRole("region", { name: "Submitted documents" })).toContainText("None yet.");

  await file.setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: smallPdf() });
  await form.getByLabel("Note for Cashfree (optional)").fill("Delivered on 2 Dec, signed by the customer");
  await form.getByRole("button", { name: "Submit evidence" }).click();
  await expect(status).toHaveText("Evidence sent to Cashfree: receipt.pdf.");

  // Cashfree has the file, and its DISPUTE_UPDATED (docs received) reaches the shop's history.
  const atCashfree = await (await page.request.get(`${E2E_SANDBOX_URL}/_sandbox/disputes/${contested}`)).json();
  expect(atCashfree).toMatchObject({
    dispute_status: "DISPUTE_DOCS_RECEIVED",
    dispute_evidence: [expect.objectContaining({ document_name: "receipt.pdf", document_type: "Shipping Proof" })],
    evidence_notes: ["Delivered on 2 Dec, signed by the customer"],
  });
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByRole("region", { name: "History" })).toContainText(
      "Cashfree: Documents received, Cashfree will review them",
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(owner.getByRole("region", { name: "Submitted documents" })).toContainText(
    "Shipping Proof · receipt.pdf",
  );
  await expect(owner.getByRole("region", { name: "History" })).toContainText("Shipping Proof: receipt.pdf");

  // Staff may look, not answer.
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await expect(staff.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await staff.goto(`/admin/disputes/${accepted}`);
  await expect(staff.getByText("Only the owner can accept a dispute or submit evidence.")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Accept dispute" })).toHaveCount(0);

  // The chargeback: accepted after a confirmation, and the debit shows here and on the order.
  await owner.goto(`/admin/disputes/${accepted}`);
  await owner.getByRole("button", { name: "Accept dispute" }).click();
  await expect(owner.getByRole("alertdialog")).toContainText("₹100.00");
  await confirmAction(owner, "Accept dispute");
  // The page refreshes with the answer: the form gives way to the debit.
  await expect(owner.getByRole("note")).toHaveText("₹100.00 debited: you accepted the dispute.");
  await expect(owner.getByRole("region", { name: "Answer" })).toHaveCount(0);

  await owner.getByRole("region", { name: "Details" }).getByRole("link", { name: orderId }).click();
  const section = owner.getByRole("region", { name: "Disputes" });
  await expect(section).toContainText("₹100.00 debited");
  await expect(async () => {
    await owner.reload();
    // Created, answered by the owner, closed by Cashfree's DISPUTE_CLOSED.
    await expect(
      section.getByRole("list", { name: `History of dispute ${accepted}` }).getByRole("listitem"),
    ).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(section.getByRole("list", { name: `History of dispute ${contested}` })).toContainText("Docs received");
  // The order's timeline tells the same story among the order's own events.
  const timeline = owner.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("payment success");
  await expect(timeline).toContainText(`dispute ${accepted} accepted`);
  await expect(timeline).toContainText(`dispute ${contested}: evidence sent`);

  await owner.goto("/admin/disputes");
  await expect(owner.getByRole("region", { name: "Closed disputes" })).toContainText("₹100.00 debited");
  await expect(owner.getByRole("region", { name: "Open disputes" }).getByRole("link", { name: accepted })).toHaveCount(
    0,
  );
});
