import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { numeric, TableHead } from "@/components/admin/admin-table";
import { BackLink } from "@/components/admin/back-link";
import { deduction, SettlementStatus, settlementPeriod, settlementTime } from "@/components/admin/settlement-amounts";
import { SettlementLineRow } from "@/components/admin/settlement-line-row";
import { requireAdminPage } from "@/lib/auth/session";
import { formatInr } from "@/lib/money";
import { settlementDetail } from "@/lib/settlements/view";

export const metadata: Metadata = { title: "Settlement · Admin" };

export default async function SettlementPage({ params }: { params: Promise<{ settlementId: string }> }) {
  await requireAdminPage();
  const detail = await settlementDetail((await params).settlementId);
  if (!detail) notFound();
  const { settlement: s, lines } = detail;
  const facts: [string, React.ReactNode][] = [
    [
      "UTR",
      <span key="utr" className="font-mono">
        {s.utr ?? "not yet"}
      </span>,
    ],
    ["Status", <SettlementStatus key="status" status={s.status} />],
    ["Period", settlementPeriod(s.paymentFrom, s.paymentTill)],
    ["Initiated", settlementTime(s.initiatedOn)],
    ["Settled", settlementTime(s.settledOn)],
    ["Payments", formatInr(s.paymentAmountPaise)],
    ["Cashfree's charges", deduction(s.serviceChargePaise + s.settlementChargePaise)],
    ["Tax on the charges (GST)", deduction(s.serviceTaxPaise + s.settlementTaxPaise)],
    ["Adjustments", formatInr(s.adjustmentPaise)],
    ["Amount settled", <strong key="settled">{formatInr(s.amountSettledPaise)}</strong>],
  ];
  if (s.reason) facts.push(["Reason", s.reason]);
  return (
    <div className="space-y-4">
      <BackLink href="/admin/settlements">Settlements</BackLink>
      <h1 className="text-2xl font-semibold">
        Settlement <span className="font-mono">{s.cfSettlementId}</span>
      </h1>
      <section aria-label="Summary" className="rounded-xl border border-stone-200 bg-white p-4">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-stone-600">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-label="Orders in this settlement" className="rounded-xl border border-stone-200 bg-white">
        <h2 className="px-4 pt-4 font-semibold">Orders in this settlement</h2>
        {lines.length === 0 ? (
          <p className="p-4 text-sm text-stone-600">
            Cashfree&apos;s reconciliation report for this settlement has not been imported yet.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-sm">
              <TableHead
                columns={["Order", "Line", "Time", ...numeric("Amount", "Charges", "Tax", "In this settlement")]}
                className="bg-stone-50 text-left text-stone-600"
                cellClassName="px-3 py-2"
              />
              <tbody>
                {lines.map((line) => (
                  <SettlementLineRow key={line.line.id} {...line} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
