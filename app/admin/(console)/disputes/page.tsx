import type { Metadata } from "next";
import Link from "next/link";

import { numeric, TableHead } from "@/components/admin/admin-table";
import { DisputeOrderLink, OpenDisputeRow } from "@/components/admin/dispute-row";
import { DisputeStatus } from "@/components/admin/dispute-status";
import { requireAdminPage } from "@/lib/auth/session";
import { listDisputes } from "@/lib/disputes/admin";
import { formatDateTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "Disputes · Admin" };

export default async function DisputesPage() {
  await requireAdminPage();
  const { open, closed } = await listDisputes();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Disputes</h1>
      <section aria-label="Open disputes" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Open ({open.length})</h2>
        {open.length === 0 ? (
          <p className="text-sm text-stone-600">No open disputes.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                "Dispute",
                "Order",
                "Type",
                "Reason",
                ...numeric("Amount"),
                "Status",
                { label: "Respond by", className: "py-1" },
              ]}
              className="text-stone-600"
              cellClassName="py-1 pr-3"
            />
            <tbody>
              {open.map((d) => (
                <OpenDisputeRow key={d.disputeId} dispute={d} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Closed disputes" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Closed ({closed.length})</h2>
        {closed.length === 0 ? (
          <p className="text-sm text-stone-600">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {closed.map((d) => (
              <li key={d.disputeId} className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/disputes/${d.disputeId}`} className="font-mono text-brand-700 underline">
                  {d.disputeId}
                </Link>
                <DisputeOrderLink orderId={d.orderId} cfOrderId={d.cfOrderId} />
                <DisputeStatus status={d.status} />
                <span>{d.amountPaise === null ? "" : formatInr(d.amountPaise)}</span>
                {d.debitedPaise !== null && (
                  <span className="font-medium text-red-800">{formatInr(d.debitedPaise)} debited</span>
                )}
                {d.resolvedAt && <span className="text-stone-600">closed {formatDateTime(d.resolvedAt)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
