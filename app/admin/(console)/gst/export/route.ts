// GET /admin/gst/export?month=2026-12 – the month's GST report as CSV, for the accountant
import { csvRow } from "@/lib/admin/csv";
import { gstReport, monthSchema } from "@/lib/admin/gst-report";
import { adminRoute } from "@/lib/actions/client";
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

export const GET = adminRoute("owner", async (request) => {
  const month = monthSchema.safeParse(new URL(request.url).searchParams.get("month"));
  if (!month.success) return new Response("Choose a month as YYYY-MM.", { status: 400 });
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
  return new Response(csvRow(HEADER) + rows.join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gst-${report.month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
