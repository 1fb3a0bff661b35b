import { execFileSync } from "node:child_process";

import { expect, type Page, test } from "@playwright/test";

import { buyProduct, OWNER, payByCard, refundOrder, signIn } from "./helpers";
import { linkIn, waitForEmail } from "./mail";
import { LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

const BUYER_GSTIN = "27AAPFU0939F1ZV";
/** "2026-12": the month the report counts today's documents in (India is UTC+5:30). */
const thisMonthInIndia = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 7);

/** Downloads a PDF link as the browser would (same cookies) and returns its text, as poppler reads it. */
async function pdfTextAt(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: await response.body() }).toString();
}

test.describe("GST tax invoices and credit notes", () => {
  test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

  test("a business buyer from another state pays IGST, gets an invoice with its GSTIN, and a refund issues a credit note", async ({
    page,
    browser,
  }) => {
    await buyProduct(page, "brass-masala-dabba");
    const form = page.getByRole("form", { name: "Shipping details" });
    await page.getByLabel("City").fill("Pune");
    await page.getByLabel("PIN code").fill("411004");
    await page.getByLabel("State").selectOption("Maharashtra");
    const gst = page.getByRole("group", { name: "Tax invoice" });
    await expect(gst).toContainText("Place of supply: Maharashtra");
    await expect(gst.getByLabel("GST breakdown")).toContainText("IGST 5%₹71.38");

    await gst.getByLabel("Business purchase").check();
    await gst.getByRole("textbox", { name: "GSTIN", exact: true }).fill("27AAPFU0939F1ZW");
    await gst.getByLabel("Business name (as on the GSTIN)").fill("Unnati Traders LLP");
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await expect(form.getByText("This GSTIN's check character does not match")).toBeVisible();
    await gst.getByRole("textbox", { name: "GSTIN", exact: true }).fill(BUYER_GSTIN.toLowerCase());
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");

    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    const orderId = (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
    const receipt = page.getByRole("region", { name: `Order ${orderId}` });
    await expect(receipt.getByLabel("GST breakdown")).toContainText("IGST 5%₹71.38");
    await expect(receipt).toContainText(`Unnati Traders LLP, GSTIN ${BUYER_GSTIN}`);
    const documents = receipt.getByRole("list", { name: "Tax documents" });
    await expect(documents).toContainText(/Tax invoice KAV\/\d\d-\d\d\/\d{6}/);
    const invoiceNumber = (await documents.textContent())!.match(/KAV\/\d\d-\d\d\/\d{6}/)![0];
    const invoiceUrl = (await documents.getByRole("link", { name: "Download PDF" }).getAttribute("href"))!;
    const invoice = await pdfTextAt(page, invoiceUrl);
    for (const field of [
      "TAX INVOICE",
      invoiceNumber,
      "GSTIN: 29AAKFK4821M1ZU",
      "Unnati Traders LLP",
      `GSTIN: ${BUYER_GSTIN}`,
      "Place of supply: Maharashtra (27)",
      "Brass Masala Dabba",
      "7418",
      "₹71.38",
      "₹1,499.00",
    ])
      expect(invoice).toContain(field);

    // The link without the order's token shows nothing.
    expect((await page.request.get(invoiceUrl.replace(/token=[^&]+/, "token=wrong"))).status()).toBe(404);

    // The confirmation e-mail links the same invoice.
    const confirmation = await waitForEmail(orderId, `Order ${orderId} confirmed — ₹1,499.00`);
    expect(confirmation.text).toContain(`Your tax invoice ${invoiceNumber}`);
    const emailed = linkIn(confirmation, /http:\/\/localhost:\d+\/orders\/[^"]+\/documents\/[^"]+/)!;
    expect(await pdfTextAt(page, emailed)).toContain(invoiceNumber);

    // The merchant refunds part of it; when Cashfree completes the refund a credit note corrects the invoice.
    const merchant = await browser.newPage();
    await signIn(merchant, OWNER);
    await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await merchant.goto(`/admin/orders/${orderId}`);
    const refund = await refundOrder(merchant, "105", "Lid dented in transit");
    await expect(refund.getByRole("status")).toHaveText("Refund of ₹105.00 submitted to Cashfree.");
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await documents.textContent()) ?? "";
        },
        { timeout: 20_000 },
      )
      .toMatch(/Credit note KCN\/\d\d-\d\d\/\d{6}/);
    // The shopper's page says what is true now: partly refunded, the refund under the total, and the net paid.
    await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Partly refunded");
    await expect(receipt.getByRole("row", { name: /^Refunded · / })).toContainText("\u2212₹105.00");
    await expect(receipt.getByRole("row", { name: /^Net paid/ })).toContainText("₹1,394.00");
    const creditUrl = (await documents.getByRole("link", { name: "Download PDF" }).last().getAttribute("href"))!;
    const credit = await pdfTextAt(page, creditUrl);
    for (const field of [
      "CREDIT NOTE",
      `Against invoice: ${invoiceNumber}`,
      `GSTIN: ${BUYER_GSTIN}`,
      "₹5.00",
      "₹105.00",
    ])
      expect(credit).toContain(field);

    // The admin downloads the same documents, and the month's GST report counts them.
    await merchant.reload();
    const adminDocuments = merchant.getByRole("region", { name: "Tax documents" });
    await expect(adminDocuments).toContainText(invoiceNumber);
    const adminInvoice = (await adminDocuments.getByRole("link", { name: invoiceNumber }).getAttribute("href"))!;
    expect(await pdfTextAt(merchant, adminInvoice)).toContain(invoiceNumber);
    expect((await page.request.get(adminInvoice, { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);

    await merchant.goto("/admin/gst");
    const report = merchant.getByRole("region", { name: "GST by rate and state" });
    await expect(report.getByRole("row").filter({ hasText: "Invoices" }).filter({ hasText: "B2B" })).toContainText(
      "Maharashtra",
    );
    await expect(report.getByRole("row").filter({ hasText: "Credit notes" }).first()).toBeVisible();
    const csv = await merchant.request.get(`/admin/gst/export?month=${thisMonthInIndia}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toBe(
      "month,document_type,buyer,place_of_supply,gst_rate_percent,documents,taxable_value_inr,cgst_inr,sgst_inr,igst_inr,total_inr",
    );
    expect(lines.some((line) => /^\d{4}-\d\d,invoice,B2B,Maharashtra,5,\d+,/.test(line))).toBe(true);
    expect(lines.some((line) => /^\d{4}-\d\d,credit_note,B2B,Maharashtra,5,\d+,/.test(line))).toBe(true);
    const b2b = await (await merchant.request.get(`/admin/gst/export?month=${thisMonthInIndia}&kind=b2b`)).text();
    expect(b2b).toContain(`invoice,${invoiceNumber},`);
    expect(b2b).toMatch(
      new RegExp(
        `invoice,${invoiceNumber.replaceAll("/", "\\/")},\\d{4}-\\d\\d-\\d\\d,${BUYER_GSTIN},Unnati Traders LLP,Maharashtra,1499.00,5,1427.62,0.00,0.00,71.38`,
      ),
    );
  });

  test("the owner's tax details and a product's HSN code are refused with a field error when invalid", async ({
    page,
  }) => {
    await signIn(page, OWNER);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.goto("/admin/settings");
    const tax = page.getByRole("form", { name: "Tax details" });
    await tax.getByLabel("GSTIN").fill("29AAKFK4821M1ZV");
    await tax.getByRole("button", { name: "Save tax details" }).click();
    await expect(tax.getByLabel("GSTIN")).toHaveAccessibleDescription(/check character does not match/);
    await tax.getByLabel("GSTIN").fill(BUYER_GSTIN);
    await tax.getByRole("button", { name: "Save tax details" }).click();
    await expect(tax.getByLabel("GSTIN")).toHaveAccessibleDescription("This GSTIN is registered in Maharashtra");
    await tax.getByLabel("GSTIN").fill("29AAKFK4821M1ZU");
    // The registered address's PIN code must be in the state of registration (issue 28, item 3).
    const address = tax.getByLabel(/^Registered address/);
    await address.fill("1 Janpath, New Delhi 110001");
    await tax.getByRole("button", { name: "Save tax details" }).click();
    await expect(address).toHaveAccessibleDescription("PIN code 110001 is in Delhi, not Karnataka");
    await address.fill("12 Residency Road, Bengaluru 560025");
    await tax.getByRole("button", { name: "Save tax details" }).click();
    await expect(tax.getByRole("status")).toContainText("Tax details saved.");

    await page.goto("/admin/products");
    await page.getByRole("link", { name: "Coorg Filter Coffee" }).click();
    const product = page.getByRole("form", { name: "Product" });
    await product.getByLabel("HSN code").fill("09A1");
    await product.getByRole("button", { name: "Save product" }).click();
    await expect(product.getByLabel("HSN code")).toHaveAccessibleDescription("An HSN code has 4, 6 or 8 digits");
    await product.getByLabel("HSN code").fill("090121");
    await product.getByRole("button", { name: "Save product" }).click();
    await expect(product.getByRole("status")).toHaveText("Product saved.");
  });
});
