import "server-only";

import { type Database, getDb } from "@/db";
import { getOrder, type OrderRow } from "@/db/queries/orders";
import * as queries from "@/db/queries/tax-documents";
import { type GstLine, quoteGst } from "@/lib/gst/quote";
import { placeOfSupply, supplyType } from "@/lib/gst/tax";
import { tokensMatch } from "@/lib/orders/ids";
import { getSetting } from "@/lib/settings";

export type TaxDocument = queries.TaxDocumentRow & { lines: queries.TaxDocumentLineRow[]; invoiceNumber?: string };

/** The shopper's link to one of its order's documents; the order's token is what grants it. */
export function documentPath(orderId: string, documentId: string, accessToken: string) {
  return `/orders/${encodeURIComponent(orderId)}/documents/${documentId}?token=${accessToken}`;
}

export function adminDocumentPath(orderId: string, documentId: string) {
  return `/admin/orders/${encodeURIComponent(orderId)}/documents/${documentId}`;
}

/** "KAV/26-27/000123" as a file name. */
export function documentFileName(document: Pick<queries.TaxDocumentRow, "number">) {
  return `${document.number.replaceAll("/", "-")}.pdf`;
}

/** One of the order's documents with its lines, and for a credit note the invoice it corrects. */
export async function loadOrderDocument(orderId: string, documentId: string): Promise<TaxDocument | undefined> {
  const db = await getDb();
  const document = await queries.getTaxDocument(db, documentId);
  if (!document || document.orderId !== orderId) return undefined;
  const invoice = document.invoiceId ? await queries.getTaxDocument(db, document.invoiceId) : undefined;
  return { ...document, lines: await queries.listDocumentLines(db, document.id), invoiceNumber: invoice?.number };
}

/** For the shopper: the document, if the token is the order's. */
export async function loadShopperDocument(orderId: string, documentId: string, token: string | null) {
  const order = await getOrder(await getDb(), orderId);
  if (!order || !tokensMatch(order.accessToken, token)) return undefined;
  return loadOrderDocument(orderId, documentId);
}

/**
 * The GST inside an order's total, as its invoice has it (or will: an unpaid order is priced for the store's
 * state as it is now), with the order's invoice and credit notes (oldest first, no lines).
 */
export async function orderGst(db: Database, order: OrderRow, items: GstLine[]) {
  const documents = await queries.listOrderDocuments(db, order.id);
  const invoice = documents.find((document) => document.kind === "invoice");
  const place = invoice?.placeOfSupply ?? placeOfSupply(order);
  const supply = invoice?.supply ?? supplyType((await getSetting("seller", db)).state, place);
  return { gst: quoteGst(items, order.shippingPaise, supply), placeOfSupply: place, invoice, documents };
}
