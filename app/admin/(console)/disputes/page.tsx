import type { Metadata } from "next";
import Link from "next/link";

import { numeric, TableHead } from "@/components/admin/admin-table";
import { DisputeStatus } from "@/components/admin/dispute-status";
import { requireAdminPage } from "@/lib/auth/session";
import { listDisputes } from "@/lib/disputes/admin";
import { humanType } from "@/lib/disputes/state";
import { formatDateTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "Disputes · Admin" };

function OrderLink({ orderId, cfOrderId }: { orderId: string | null; cfOrderId: string | null }) {
  if (orderId)
    return (
      <Link href={`/admin/orders/${encodeURIComponent(orderId)}`} className="font-mono text-brand-700 underline">
        {orderId}
      </Link>
    );
  return <span className="text-stone-600">not ours ({cfOrderId ?? "no order id"})</span>;
}

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
                <tr key={d.disputeId} className="border-t border-stone-100 align-top">
                  <td className="py-1.5 pr-3">
                    <Link href={`/admin/disputes/${d.disputeId}`} className="font-mono text-brand-700 underline">
                      {d.disputeId}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">
                    <OrderLink orderId={d.orderId} cfOrderId={d.cfOrderId} />
                  </td>
                  <td className="py-1.5 pr-3">{humanType(d.disputeType)}</td>
                  <td className="py-1.5 pr-3">{d.reasonDescription ?? d.reasonCode ?? "—"}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {d.amountPaise === null ? "—" : formatInr(d.amountPaise)}
                  </td>
                  <td className="py-1.5 pr-3">
                    <DisputeStatus status={d.status} />
                  </td>
                  <td className="py-1.5">
                    {d.respondBy ? formatDateTime(d.respondBy) : "—"}
                    {d.overdue && (
                      <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
                        Overdue
                      </span>
                    )}
                  </td>
                </tr>
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
                <OrderLink orderId={d.orderId} cfOrderId={d.cfOrderId} />
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
