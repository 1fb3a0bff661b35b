import "server-only";

import type { Database } from "@/db";
import * as orderQueries from "@/db/queries/orders";
import * as queries from "@/db/queries/tax-documents";
import { quoteGst } from "@/lib/gst/quote";
import { creditLines, placeOfSupply, supplyType, type TaxedLine, totalsOf } from "@/lib/gst/tax";
import { shippingAddressOf } from "@/lib/orders/view";
import { getSetting } from "@/lib/settings";

import { documentNumber, financialYear, seriesFor } from "./numbering";

/**
 * Tax invoices and credit notes, issued by the order writer inside its transaction (the order's row is locked):
 * the invoice when the order is paid, a credit note when a refund reaches the shopper. Each takes the next
 * number of its series there, so a transaction that fails takes no number.
 */

async function numberFor(tx: Database, prefix: string, issuedAt: Date) {
  const year = financialYear(issuedAt);
  const series = seriesFor(prefix, year);
  const sequence = await queries.takeNextNumber(tx, series);
  return { series, sequence, financialYear: year, number: documentNumber(series, sequence), issuedAt };
}

const lineValues = (lines: TaxedLine[]): queries.NewTaxDocumentLine[] =>
  lines.map((line) => ({
    description: line.description,
    hsnCode: line.hsnCode,
    rateBps: line.rateBps,
    quantity: line.quantity,
    amountPaise: line.amountPaise,
    taxablePaise: line.taxablePaise,
    cgstPaise: line.cgstPaise,
    sgstPaise: line.sgstPaise,
    igstPaise: line.igstPaise,
  }));

function amounts(lines: TaxedLine[]) {
  const { taxablePaise, cgstPaise, sgstPaise, igstPaise, totalPaise } = totalsOf(lines);
  return { taxablePaise, cgstPaise, sgstPaise, igstPaise, totalPaise };
}

/** The order's tax invoice (once: a second payment signal finds the first one). */
export async function issueInvoice(tx: Database, order: orderQueries.OrderRow) {
  const existing = await queries.getOrderInvoice(tx, order.id);
  if (existing) return existing;
  const seller = await getSetting("seller", tx);
  const place = placeOfSupply(order);
  const supply = supplyType(seller.state, place);
  const { lines } = quoteGst(await orderQueries.listOrderItems(tx, order.id), order.shippingPaise, supply);
  // One address on the order: billed and shipped to alike.
  const address = shippingAddressOf(order);
  return queries.insertTaxDocument(
    tx,
    {
      kind: "invoice",
      ...(await numberFor(tx, seller.invoicePrefix, new Date())),
      orderId: order.id,
      seller: { name: seller.legalName, gstin: seller.gstin, address: seller.address, state: seller.state },
      buyer: {
        name: order.buyerBusinessName ?? order.customerName,
        gstin: order.buyerGstin,
        address,
        state: place,
        shippingAddress: address,
      },
      buyerGstin: order.buyerGstin,
      placeOfSupply: place,
      supply,
      ...amounts(lines),
    },
    lineValues(lines),
  );
}

/** A credit note for a refund that reached the shopper, against the order's invoice; once per refund. */
export async function issueCreditNote(
  tx: Database,
  order: orderQueries.OrderRow,
  refundId: string,
  amountPaise: number,
) {
  const invoice = await queries.getOrderInvoice(tx, order.id);
  // An order held for review was never invoiced: its refund needs no credit note.
  if (!invoice || (await queries.getCreditNoteForRefund(tx, refundId))) return;
  const seller = await getSetting("seller", tx);
  const invoiceLines = await queries.listDocumentLines(tx, invoice.id);
  const lines = creditLines(invoiceLines, Math.min(amountPaise, invoice.totalPaise), invoice.supply);
  await queries.insertTaxDocument(
    tx,
    {
      kind: "credit_note",
      ...(await numberFor(tx, seller.creditNotePrefix, new Date())),
      orderId: order.id,
      refundId,
      invoiceId: invoice.id,
      // The parties as the invoice named them: a credit note corrects that invoice.
      seller: invoice.seller,
      buyer: invoice.buyer,
      buyerGstin: invoice.buyerGstin,
      placeOfSupply: invoice.placeOfSupply,
      supply: invoice.supply,
      ...amounts(lines),
    },
    lineValues(lines),
  );
}
