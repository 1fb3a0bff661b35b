import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { documentSeries, orders, taxDocuments } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { OrderCommand } from "@/lib/orders/transitions";
import { insertTestOrder } from "@/lib/testing/orders";

// Tax invoices numbered by the order writer on real PostgreSQL connections, 25 at a time.
const postgres = await requirePostgres();
const pdftotext = existsSync("/usr/bin/pdftotext");
if (!pdftotext && process.env.CI) throw new Error("pdftotext is missing: apt-get install poppler-utils");

let database: TestDatabase;
let lib: {
  applyToOrder: typeof import("@/lib/orders/unit-of-work").applyToOrder;
  withOrders: typeof import("@/lib/orders/unit-of-work").withOrders;
  loadOrderDocument: typeof import("@/lib/invoices/documents").loadOrderDocument;
  renderPdf: typeof import("@/lib/invoices/pdf").renderTaxDocumentPdf;
  report: typeof import("@/lib/admin/gst-report");
};

const payment = (orderId: string) =>
  ({ type: "payment_succeeded", amountMatches: true, stockAvailable: true, cfPaymentId: `pay-${orderId}` }) as const;
const CASHFREE = { type: "cashfree", via: "webhook" } as const;

let counter = 0;
async function unpaidOrder(fields: Parameters<typeof insertTestOrder>[3] = {}) {
  counter += 1;
  return insertTestOrder(database.db, `KC-INV-${String(counter).padStart(4, "0")}`, 149_900, fields);
}

const invoiceOf = async (orderId: string) =>
  (
    await database.db
      .select()
      .from(taxDocuments)
      .where(eq(taxDocuments.orderId, orderId))
      .orderBy(asc(taxDocuments.sequence))
  )[0];

function pdfText(pdf: Buffer) {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString();
}

describe.skipIf(!postgres)("tax invoices (real PostgreSQL)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 25 });
    await seedCatalog(database.db);
    process.env.DATABASE_URL = database.url;
    process.env.ORDER_EMAILS = "off"; // e-mails are tests of their own (lib/outbox, e2e/emails)
    const [unitOfWork, documents, pdf, report] = await Promise.all([
      import("@/lib/orders/unit-of-work"),
      import("@/lib/invoices/documents"),
      import("@/lib/invoices/pdf"),
      import("@/lib/admin/gst-report"),
    ]);
    lib = {
      applyToOrder: unitOfWork.applyToOrder,
      withOrders: unitOfWork.withOrders,
      loadOrderDocument: documents.loadOrderDocument,
      renderPdf: pdf.renderTaxDocumentPdf,
      report,
    };
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("gives 50 orders paid at the same moment 50 consecutive invoice numbers: no gaps, no duplicates", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await unpaidOrder());
    const [before] = await database.db.select().from(documentSeries);
    const start = before?.lastNumber ?? 0;
    await Promise.all(ids.map((id) => lib.applyToOrder(database.db, id, payment(id), CASHFREE)));
    const invoices = await database.db.select().from(taxDocuments).where(eq(taxDocuments.kind, "invoice"));
    const mine = invoices.filter((d) => ids.includes(d.orderId));
    expect(mine).toHaveLength(50);
    expect(mine.map((d) => d.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => start + i + 1),
    );
    expect(new Set(mine.map((d) => d.number)).size).toBe(50);
    expect(mine.every((d) => /^KAV\/\d\d-\d\d\/\d{6}$/.test(d.number))).toBe(true);
  });

  it("takes no number for a payment whose transaction fails", async () => {
    const failing = await unpaidOrder();
    const [series] = await database.db.select().from(documentSeries);
    await expect(
      lib.withOrders(database.db, async (orders) => {
        const order = await orders.lock(failing);
        await orders.apply(order!, [payment(failing)], CASHFREE);
        throw new Error("the database went away after the invoice was numbered");
      }),
    ).rejects.toThrow(/went away/);
    expect(await invoiceOf(failing)).toBeUndefined();
    expect((await database.db.select().from(documentSeries))[0]!.lastNumber).toBe(series!.lastNumber);

    const next = await unpaidOrder();
    await lib.applyToOrder(database.db, next, payment(next), CASHFREE);
    expect((await invoiceOf(next))!.sequence).toBe(series!.lastNumber + 1);
  });

  it("invoices an order once, however many times Cashfree says it was paid", async () => {
    const orderId = await unpaidOrder();
    await lib.applyToOrder(database.db, orderId, payment(orderId), CASHFREE);
    await lib.applyToOrder(database.db, orderId, payment(orderId), CASHFREE);
    const documents = await database.db.select().from(taxDocuments).where(eq(taxDocuments.orderId, orderId));
    expect(documents).toHaveLength(1);
  });

  it("keeps issued documents as issued: the database refuses to change or delete them", async () => {
    const orderId = await unpaidOrder();
    await lib.applyToOrder(database.db, orderId, payment(orderId), CASHFREE);
    const invoice = (await invoiceOf(orderId))!;
    await expect(
      database.db.update(taxDocuments).set({ totalPaise: 1 }).where(eq(taxDocuments.id, invoice.id)),
    ).rejects.toThrow();
    await expect(database.db.delete(taxDocuments).where(eq(taxDocuments.id, invoice.id))).rejects.toThrow();
  });

  it("charges IGST to a business buyer in another state and prints its GSTIN on the PDF", async () => {
    const orderId = await unpaidOrder({
      buyerGstin: "27AAPFU0939F1ZV",
      buyerBusinessName: "Unnati Traders LLP",
      placeOfSupply: "Maharashtra",
      taxPaise: 7_138,
    });
    await lib.applyToOrder(database.db, orderId, payment(orderId), CASHFREE);
    const invoice = (await invoiceOf(orderId))!;
    expect(invoice).toMatchObject({
      supply: "inter_state",
      placeOfSupply: "Maharashtra",
      buyerGstin: "27AAPFU0939F1ZV",
      cgstPaise: 0,
      sgstPaise: 0,
      totalPaise: 149_900,
    });
    // ₹1,499.00 at 5%: IGST 1,49,900 × 5 / 105 = ₹71.38.
    expect(invoice.igstPaise).toBe(7_138);
    expect(invoice.taxablePaise + invoice.igstPaise).toBe(149_900);

    if (!pdftotext) return;
    const document = (await lib.loadOrderDocument(orderId, invoice.id))!;
    const pdf = await lib.renderPdf(document);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const field of [
      "TAX INVOICE",
      invoice.number,
      "Kaveri and Company",
      "GSTIN: 29AAKFK4821M1ZU",
      "Karnataka (29)",
      "Unnati Traders LLP",
      "GSTIN: 27AAPFU0939F1ZV",
      "Place of supply: Maharashtra (27)",
      "Inter-state (IGST)",
      "reverse charge: No",
      "7418",
      "₹1,427.62",
      "₹71.38",
      "₹1,499.00",
      "Authorised signatory",
    ])
      expect(text).toContain(field);
    expect(text).not.toContain("CGST");
    const fonts = execFileSync("pdffonts", ["-"], { input: pdf }).toString();
    expect(fonts).toMatch(/DejaVuSans.*yes/);
  });

  it("issues a credit note against the invoice when a refund succeeds, once per refund", async () => {
    const orderId = await unpaidOrder();
    await lib.applyToOrder(database.db, orderId, payment(orderId), CASHFREE);
    const refund = { type: "refund_succeeded", refundId: `rf_${orderId}`, amountPaise: 50_000 } as const;
    await lib.applyToOrder(database.db, orderId, refund, CASHFREE);
    await lib.applyToOrder(database.db, orderId, refund, CASHFREE);
    const documents = await database.db.select().from(taxDocuments).where(eq(taxDocuments.orderId, orderId));
    const invoice = documents.find((d) => d.kind === "invoice")!;
    const notes = documents.filter((d) => d.kind === "credit_note");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ invoiceId: invoice.id, totalPaise: 50_000, supply: "intra_state" });
    expect(notes[0]!.number).toMatch(/^KCN\/\d\d-\d\d\/\d{6}$/);
    expect(notes[0]!.cgstPaise).toBe(notes[0]!.sgstPaise);

    if (!pdftotext) return;
    const text = pdfText(await lib.renderPdf((await lib.loadOrderDocument(orderId, notes[0]!.id))!));
    for (const field of ["CREDIT NOTE", notes[0]!.number, `Against invoice: ${invoice.number}`, "₹500.00", "CGST"])
      expect(text).toContain(field);
  });

  it("issues no invoice for an order held for review, and no credit note for its refund", async () => {
    const orderId = await unpaidOrder();
    await lib.applyToOrder(database.db, orderId, { ...payment(orderId), amountMatches: false }, CASHFREE);
    await lib.applyToOrder(
      database.db,
      orderId,
      { type: "refund_succeeded", refundId: "rf_x", amountPaise: 100 },
      CASHFREE,
    );
    expect((await database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.status).toBe("needs_review");
    expect(await invoiceOf(orderId)).toBeUndefined();
  });

  it("reports the month's invoices and credit notes by buyer, state and rate, adding up to the documents", async () => {
    const { rows, net } = await lib.report.gstReport(lib.report.currentMonth());
    const documents = await database.db.select().from(taxDocuments);
    const sum = (kind: string, pick: (d: (typeof documents)[number]) => number) =>
      documents.filter((d) => d.kind === kind).reduce((total, d) => total + pick(d), 0);
    const invoiceRows = rows.filter((r) => r.kind === "invoice");
    expect(invoiceRows.reduce((t, r) => t + r.taxablePaise, 0)).toBe(sum("invoice", (d) => d.taxablePaise));
    expect(invoiceRows.reduce((t, r) => t + r.documents, 0)).toBe(documents.filter((d) => d.kind === "invoice").length);
    expect(rows).toContainEqual(
      expect.objectContaining({
        kind: "invoice",
        buyer: "B2B",
        placeOfSupply: "Maharashtra",
        rateBps: 500,
        igstPaise: 7_138,
      }),
    );
    expect(rows.find((r) => r.kind === "credit_note")).toMatchObject({ buyer: "B2C", placeOfSupply: "Karnataka" });
    expect(net.cgstPaise).toBe(sum("invoice", (d) => d.cgstPaise) - sum("credit_note", (d) => d.cgstPaise));
    expect(net.totalPaise).toBe(sum("invoice", (d) => d.totalPaise) - sum("credit_note", (d) => d.totalPaise));
    expect((await lib.report.gstReport("2001-01")).rows).toEqual([]);
    const b2b = await lib.report.gstB2bDocuments(lib.report.currentMonth());
    expect(b2b).toContainEqual(
      expect.objectContaining({
        kind: "invoice",
        buyerGstin: "27AAPFU0939F1ZV",
        buyerName: "Unnati Traders LLP",
        placeOfSupply: "Maharashtra",
        rateBps: 500,
        igstPaise: 7_138,
        documentTotalPaise: 149_900,
      }),
    );
    expect(b2b.every((row) => row.buyerGstin)).toBe(true);
  });

  it.each(["pglite", "neon"] as const)("numbers invoices and credit notes on %s too", async (driver) => {
    const other = await createTestDatabase(driver);
    try {
      await seedCatalog(other.db);
      const apply = (orderId: string, command: OrderCommand) =>
        lib.withOrders(other.db, async (orders) => orders.apply((await orders.lock(orderId))!, [command], CASHFREE));
      for (const id of ["KC-DRV-1", "KC-DRV-2"]) {
        await insertTestOrder(other.db, id, 29_999);
        await apply(id, payment(id));
      }
      await apply("KC-DRV-2", { type: "refund_succeeded", refundId: "rf_drv", amountPaise: 29_999 });
      const documents = await other.db.select().from(taxDocuments).orderBy(asc(taxDocuments.number));
      expect(documents.map((d) => [d.kind, d.sequence, d.totalPaise])).toEqual([
        ["invoice", 1, 29_999],
        ["invoice", 2, 29_999],
        ["credit_note", 1, 29_999],
      ]);
    } finally {
      await other.close();
    }
  });
});
