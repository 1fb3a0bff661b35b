// GET /admin/gst/export?month=2026-12 – the month's GST report as CSV, for the accountant
import { adminRoute } from "@/lib/actions/client";
import { csvRow } from "@/lib/admin/csv";
import { gstB2bDocuments, gstReport, monthSchema } from "@/lib/admin/gst-report";
import { formatIsoDate } from "@/lib/format";
import { paiseToRupeeString } from "@/lib/money";

export const dynamic = "force-dynamic";

const HEADER = [
  "month",
  "document_type",
  "buyer",
  "place_of_supply",
  "gst_rate_percent",
  "documents",
  "taxable_value_inr",
  "cgst_inr",
  "sgst_inr",
  "igst_inr",
  "total_inr",
];

const B2B_HEADER = [
  "document_type",
  "document_number",
  "document_date",
  "buyer_gstin",
  "buyer_name",
  "place_of_supply",
  "document_value_inr",
  "gst_rate_percent",
  "taxable_value_inr",
  "cgst_inr",
  "sgst_inr",
  "igst_inr",
];

/** `?kind=b2b`: invoice by invoice for registered buyers (GSTR-1 B2B and CDNR); otherwise the summary. */
export const GET = adminRoute("owner", "gst.export", async (request, _, audit) => {
  const params = new URL(request.url).searchParams;
  const month = monthSchema.safeParse(params.get("month"));
  if (!month.success) return new Response("Choose a month as YYYY-MM.", { status: 400 });
  audit.note({ detail: { month: month.data, kind: params.get("kind") === "b2b" ? "b2b" : "summary" } });
  if (params.get("kind") === "b2b") return b2bCsv(month.data);
  const report = await gstReport(month.data);
  const rows = report.rows.map((row) =>
    csvRow([
      report.month,
      row.kind,
      row.buyer,
      row.placeOfSupply,
      row.rateBps / 100,
      row.documents,
      ...[row.taxablePaise, row.cgstPaise, row.sgstPaise, row.igstPaise, row.totalPaise].map(paiseToRupeeString),
    ]),
  );
  return csvResponse(csvRow(HEADER) + rows.join(""), `gst-${report.month}.csv`);
});

async function b2bCsv(month: string) {
  const rows = (await gstB2bDocuments(month)).map((row) =>
    csvRow([
      row.kind,
      row.number,
      formatIsoDate(row.issuedAt),
      row.buyerGstin,
      row.buyerName,
      row.placeOfSupply,
      paiseToRupeeString(row.documentTotalPaise),
      row.rateBps / 100,
      ...[row.taxablePaise, row.cgstPaise, row.sgstPaise, row.igstPaise].map(paiseToRupeeString),
    ]),
  );
  return csvResponse(csvRow(B2B_HEADER) + rows.join(""), `gst-b2b-${month}.csv`);
}

function csvResponse(body: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
