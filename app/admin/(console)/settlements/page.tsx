import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable, numeric } from "@/components/admin/admin-table";
import { deduction, SettlementStatus, settlementPeriod, settlementTime } from "@/components/admin/settlement-amounts";
import { requireAdminPage } from "@/lib/auth/session";
import { formatInr } from "@/lib/money";
import { listSettlements } from "@/lib/settlements/view";

export const metadata: Metadata = { title: "Settlements · Admin" };

export default async function SettlementsPage() {
  await requireAdminPage();
  const rows = await listSettlements();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Settlements</h1>
        <a
          href="/admin/settlements/export"
          download
          className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
        >
          Download CSV
        </a>
      </div>
      <p className="text-sm text-stone-600">
        Money Cashfree paid into your bank: each settlement covers a window of payments, less Cashfree&apos;s charges,
        the GST on them, and adjustments such as refunds. Imported from Cashfree&apos;s settlement webhooks and a daily
        pull.
      </p>
      <AdminTable
        columns={[
          "Settlement",
          "UTR",
          "Period",
          "Status",
          ...numeric("Payments", "Charges", "Tax on charges", "Adjustments", "Amount settled"),
        ]}
        empty={rows.length === 0 && "No settlements yet. Cashfree settles paid orders after about two working days."}
      >
        {rows.map(({ settlement: s, orders }) => (
          <tr key={s.id} className="border-t border-stone-100 align-top">
            <td className="px-3 py-2">
              <Link href={`/admin/settlements/${s.id}`} className="font-mono text-brand-700 underline">
                {s.cfSettlementId}
              </Link>
              <span className="block text-xs text-stone-500">
                {orders} {orders === 1 ? "order" : "orders"} · {settlementTime(s.settledOn ?? s.initiatedOn)}
              </span>
            </td>
            <td className="px-3 py-2 font-mono">{s.utr ?? "—"}</td>
            <td className="px-3 py-2">{settlementPeriod(s.paymentFrom, s.paymentTill)}</td>
            <td className="px-3 py-2">
              <SettlementStatus status={s.status} />
            </td>
            <td className="px-3 py-2 text-right">{formatInr(s.paymentAmountPaise)}</td>
            <td className="px-3 py-2 text-right">{deduction(s.serviceChargePaise + s.settlementChargePaise)}</td>
            <td className="px-3 py-2 text-right">{deduction(s.serviceTaxPaise + s.settlementTaxPaise)}</td>
            <td className="px-3 py-2 text-right">{formatInr(s.adjustmentPaise)}</td>
            <td className="px-3 py-2 text-right font-medium">{formatInr(s.amountSettledPaise)}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
