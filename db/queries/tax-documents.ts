import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";

import { documentSeries, taxDocumentLines, taxDocuments } from "../schema";
import type { Executor } from "./orders";

export type TaxDocumentRow = typeof taxDocuments.$inferSelect;
export type NewTaxDocument = typeof taxDocuments.$inferInsert;
export type NewTaxDocumentLine = Omit<typeof taxDocumentLines.$inferInsert, "documentId" | "position">;
export type TaxDocumentLineRow = typeof taxDocumentLines.$inferSelect;

/**
 * Takes the series' next number. The upsert locks the series row until the caller's transaction ends, so
 * concurrent payments take consecutive numbers one after another, and a rollback returns the number.
 */
export async function takeNextNumber(tx: Executor, series: string): Promise<number> {
  const [row] = await tx
    .insert(documentSeries)
    .values({ series, lastNumber: 1 })
    .onConflictDoUpdate({ target: documentSeries.series, set: { lastNumber: sql`${documentSeries.lastNumber} + 1` } })
    .returning({ lastNumber: documentSeries.lastNumber });
  return row!.lastNumber;
}

export async function insertTaxDocument(tx: Executor, document: NewTaxDocument, lines: NewTaxDocumentLine[]) {
  const [row] = await tx.insert(taxDocuments).values(document).returning();
  await tx.insert(taxDocumentLines).values(lines.map((line, position) => ({ ...line, documentId: row!.id, position })));
  return row!;
}

export async function getOrderInvoice(db: Executor, orderId: string) {
  const [row] = await db
    .select()
    .from(taxDocuments)
    .where(and(eq(taxDocuments.orderId, orderId), eq(taxDocuments.kind, "invoice")));
  return row;
}

export async function getCreditNoteForRefund(db: Executor, refundId: string) {
  const [row] = await db.select().from(taxDocuments).where(eq(taxDocuments.refundId, refundId));
  return row;
}

export function listOrderDocuments(db: Executor, orderId: string) {
  return db
    .select()
    .from(taxDocuments)
    .where(eq(taxDocuments.orderId, orderId))
    .orderBy(asc(taxDocuments.issuedAt), asc(taxDocuments.number));
}

export async function getTaxDocument(db: Executor, id: string) {
  const [row] = await db.select().from(taxDocuments).where(eq(taxDocuments.id, id));
  return row;
}

export function listDocumentLines(db: Executor, documentId: string) {
  return db
    .select()
    .from(taxDocumentLines)
    .where(eq(taxDocumentLines.documentId, documentId))
    .orderBy(asc(taxDocumentLines.position));
}

/** A month's documents and their lines, for the GST return: one row per (document, rate). */
export function listMonthTaxLines(db: Executor, from: Date, to: Date) {
  return db
    .select({
      kind: taxDocuments.kind,
      b2b: sql<boolean>`(${taxDocuments.buyerGstin} is not null)`,
      placeOfSupply: taxDocuments.placeOfSupply,
      rateBps: taxDocumentLines.rateBps,
      taxablePaise: sql<number>`sum(${taxDocumentLines.taxablePaise})::int`,
      cgstPaise: sql<number>`sum(${taxDocumentLines.cgstPaise})::int`,
      sgstPaise: sql<number>`sum(${taxDocumentLines.sgstPaise})::int`,
      igstPaise: sql<number>`sum(${taxDocumentLines.igstPaise})::int`,
      totalPaise: sql<number>`sum(${taxDocumentLines.amountPaise})::int`,
      documents: sql<number>`count(distinct ${taxDocuments.id})::int`,
    })
    .from(taxDocumentLines)
    .innerJoin(taxDocuments, eq(taxDocuments.id, taxDocumentLines.documentId))
    .where(and(gte(taxDocuments.issuedAt, from), lt(taxDocuments.issuedAt, to)))
    .groupBy(
      taxDocuments.kind,
      sql`(${taxDocuments.buyerGstin} is not null)`,
      taxDocuments.placeOfSupply,
      taxDocumentLines.rateBps,
    )
    .orderBy(desc(taxDocuments.kind), asc(taxDocuments.placeOfSupply), asc(taxDocumentLines.rateBps));
}

/** A month's B2B documents, one row per (document, rate): GSTR-1 reports registered buyers invoice by invoice. */
export function listMonthB2bLines(db: Executor, from: Date, to: Date) {
  return db
    .select({
      kind: taxDocuments.kind,
      number: taxDocuments.number,
      issuedAt: taxDocuments.issuedAt,
      buyerGstin: sql<string>`${taxDocuments.buyerGstin}`,
      buyerName: sql<string>`${taxDocuments.buyer}->>'name'`,
      placeOfSupply: taxDocuments.placeOfSupply,
      documentTotalPaise: taxDocuments.totalPaise,
      rateBps: taxDocumentLines.rateBps,
      taxablePaise: sql<number>`sum(${taxDocumentLines.taxablePaise})::int`,
      cgstPaise: sql<number>`sum(${taxDocumentLines.cgstPaise})::int`,
      sgstPaise: sql<number>`sum(${taxDocumentLines.sgstPaise})::int`,
      igstPaise: sql<number>`sum(${taxDocumentLines.igstPaise})::int`,
    })
    .from(taxDocumentLines)
    .innerJoin(taxDocuments, eq(taxDocuments.id, taxDocumentLines.documentId))
    .where(
      and(gte(taxDocuments.issuedAt, from), lt(taxDocuments.issuedAt, to), sql`${taxDocuments.buyerGstin} is not null`),
    )
    .groupBy(taxDocuments.id, taxDocumentLines.rateBps)
    .orderBy(asc(taxDocuments.kind), asc(taxDocuments.number), asc(taxDocumentLines.rateBps));
}
