import type { Metadata } from "next";

import { numeric, TableHead } from "@/components/admin/admin-table";
import { currentMonth, gstReport, type GstReportRow, monthSchema } from "@/lib/admin/gst-report";
import { requireAdminPage } from "@/lib/auth/session";
import { formatRate } from "@/lib/gst/codes";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "GST report · Admin" };

const KIND = { invoice: "Invoices", credit_note: "Credit notes" } as const;

const TAX_AMOUNTS = ["taxablePaise", "cgstPaise", "sgstPaise", "igstPaise"] as const;

function ReportTable({ rows }: { rows: GstReportRow[] }) {
  return (
    <table className="w-full text-sm">
      <TableHead
        columns={[
          { label: "Document", className: "py-1" },
          "Buyer",
          "Place of supply",
          ...numeric("Rate", "Count", "Taxable value", "CGST", "SGST", "IGST"),
        ]}
        className="border-b border-stone-200 text-left text-stone-600"
      />
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.kind}|${row.buyer}|${row.placeOfSupply}|${row.rateBps}`}
            className="border-b border-stone-100"
          >
            <td className="py-1">{KIND[row.kind]}</td>
            <td>{row.buyer}</td>
            <td>{row.placeOfSupply}</td>
            <td className="text-right">{formatRate(row.rateBps)}</td>
            <td className="text-right">{row.documents}</td>
            {TAX_AMOUNTS.map((amount) => (
              <td key={amount} className="text-right">
                {formatInr(row[amount])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function GstReportPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requireAdminPage("owner");
  const parsed = monthSchema.safeParse((await searchParams).month);
  const month = parsed.success ? parsed.data : currentMonth();
  const report = await gstReport(month);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">GST report</h1>
          <p className="text-sm text-stone-600">
            Tax invoices and credit notes issued in the month (India time), by buyer, place of supply and rate.
          </p>
        </div>
        <form className="flex items-end gap-2" aria-label="Choose month">
          <label className="text-sm font-medium">
            Month
            <input
              type="month"
              name="month"
              defaultValue={month}
              className="mt-1 block rounded-lg border border-stone-300 px-2 py-1.5"
            />
          </label>
          <button type="submit" className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm">
            Show
          </button>
          <a
            href={`/admin/gst/export?month=${month}`}
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Download CSV
          </a>
          <a
            href={`/admin/gst/export?month=${month}&kind=b2b`}
            className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-stone-100"
          >
            B2B invoices CSV
          </a>
        </form>
      </div>
      <section aria-label="GST by rate and state" className="rounded-xl border border-stone-200 bg-white p-4">
        {report.rows.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing was invoiced in {month}.</p>
        ) : (
          <ReportTable rows={report.rows} />
        )}
      </section>
      <section aria-label="Net for the month" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Net for {month} (invoices less credit notes)</h2>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
          {(
            [
              ["Taxable value", report.net.taxablePaise],
              ["CGST", report.net.cgstPaise],
              ["SGST", report.net.sgstPaise],
              ["IGST", report.net.igstPaise],
              ["Total", report.net.totalPaise],
            ] as const
          ).map(([label, paise]) => (
            <div key={label}>
              <dt className="text-stone-600">{label}</dt>
              <dd className="font-semibold">{formatInr(paise)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
