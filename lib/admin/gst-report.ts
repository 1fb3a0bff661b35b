import "server-only";

import { z } from "zod";

import { getDb } from "@/db";
import { listMonthB2bLines, listMonthTaxLines } from "@/db/queries/tax-documents";
import type { TaxTotals } from "@/lib/gst/tax";

/** "2026-12": a calendar month, as the monthly GST return (GSTR-1, GSTR-3B) counts them. */
export const monthSchema = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, "Choose a month");

export interface GstReportRow extends Omit<TaxTotals, "taxPaise"> {
  kind: "invoice" | "credit_note";
  /** B2B: the buyer gave a GSTIN (GSTR-1 table 4); B2C: a consumer (tables 5 and 7). */
  buyer: "B2B" | "B2C";
  placeOfSupply: string;
  rateBps: number;
  documents: number;
}

/** The month in India: from the 1st 00:00 IST to the next month's 1st. */
function monthRange(month: string) {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const start = new Date(`${month}-01T00:00:00+05:30`);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return { start, end: new Date(`${next}-01T00:00:00+05:30`) };
}

export function currentMonth(now = new Date()) {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 7);
}

/**
 * The month's invoices and credit notes by document type, B2B or B2C, place of supply and rate: the taxable value
 * and CGST, SGST and IGST an accountant files. Credit notes are listed apart (positive, as GSTR-1 reports them)
 * and taken off in the net totals.
 */
export async function gstReport(month: string) {
  const { start, end } = monthRange(month);
  const rows: GstReportRow[] = (await listMonthTaxLines(await getDb(), start, end)).map((row) => ({
    kind: row.kind,
    buyer: row.b2b ? "B2B" : "B2C",
    placeOfSupply: row.placeOfSupply,
    rateBps: row.rateBps,
    documents: row.documents,
    taxablePaise: row.taxablePaise,
    cgstPaise: row.cgstPaise,
    sgstPaise: row.sgstPaise,
    igstPaise: row.igstPaise,
    totalPaise: row.totalPaise,
  }));
  rows.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      a.buyer.localeCompare(b.buyer) ||
      a.placeOfSupply.localeCompare(b.placeOfSupply) ||
      a.rateBps - b.rateBps,
  );
  const net = { taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, totalPaise: 0 };
  for (const row of rows) {
    const sign = row.kind === "invoice" ? 1 : -1;
    for (const key of Object.keys(net) as (keyof typeof net)[]) net[key] += sign * row[key];
  }
  return { month, rows, net };
}

/** The month's invoices and credit notes to registered buyers, each with its GSTIN, number, date and rates. */
export async function gstB2bDocuments(month: string) {
  const { start, end } = monthRange(month);
  return listMonthB2bLines(await getDb(), start, end);
}
