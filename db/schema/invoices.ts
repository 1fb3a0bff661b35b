import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { orders } from "./orders";

export const taxDocumentKind = pgEnum("tax_document_kind", ["invoice", "credit_note"]);

/**
 * Gapless numbering: one row per series ("KAV/26-27"), its last number taken. A payment's transaction takes the
 * next number under this row's lock, so concurrent payments queue for it, and a rolled-back transaction gives
 * its number back: never reused, never skipped.
 */
export const documentSeries = pgTable("document_series", {
  series: text().primaryKey(),
  lastNumber: integer().notNull(),
});

export interface DocumentParty {
  name: string;
  gstin: string | null;
  address: string;
  state: string;
}

/** Tax invoices and credit notes: written once, when the order is paid or the refund succeeds; never edited. */
export const taxDocuments = pgTable(
  "tax_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: taxDocumentKind().notNull(),
    /** As printed: series and number, at most 16 characters (CGST Rule 46(b)). */
    number: text().notNull().unique(),
    series: text().notNull(),
    sequence: integer().notNull(),
    /** The financial year, "2026-27". */
    financialYear: text().notNull(),
    orderId: text()
      .notNull()
      .references(() => orders.id),
    /** A credit note's refund, and the invoice it corrects. */
    refundId: text().unique(),
    invoiceId: uuid(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seller: jsonb().$type<DocumentParty>().notNull(),
    buyer: jsonb().$type<DocumentParty & { shippingAddress: string }>().notNull(),
    buyerGstin: text(),
    placeOfSupply: text().notNull(),
    supply: text().$type<"intra_state" | "inter_state">().notNull(),
    taxablePaise: integer().notNull(),
    cgstPaise: integer().notNull(),
    sgstPaise: integer().notNull(),
    igstPaise: integer().notNull(),
    totalPaise: integer().notNull(),
  },
  (t) => [
    unique("tax_documents_series_sequence").on(t.series, t.sequence),
    // One tax invoice per order.
    uniqueIndex("tax_documents_one_invoice_idx")
      .on(t.orderId)
      .where(sql`${t.kind} = 'invoice'`),
    index("tax_documents_issued_idx").on(t.issuedAt),
    check(
      "tax_documents_adds_up",
      sql`${t.totalPaise} = ${t.taxablePaise} + ${t.cgstPaise} + ${t.sgstPaise} + ${t.igstPaise}`,
    ),
  ],
);

export const taxDocumentLines = pgTable(
  "tax_document_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => taxDocuments.id),
    position: integer().notNull(),
    description: text().notNull(),
    hsnCode: text().notNull(),
    rateBps: integer().notNull(),
    quantity: integer(),
    amountPaise: integer().notNull(),
    taxablePaise: integer().notNull(),
    cgstPaise: integer().notNull(),
    sgstPaise: integer().notNull(),
    igstPaise: integer().notNull(),
  },
  (t) => [
    unique("tax_document_lines_position").on(t.documentId, t.position),
    check(
      "tax_document_lines_add_up",
      sql`${t.amountPaise} = ${t.taxablePaise} + ${t.cgstPaise} + ${t.sgstPaise} + ${t.igstPaise}`,
    ),
  ],
);
