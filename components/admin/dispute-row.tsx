import Link from "next/link";

import { DisputeStatus } from "@/components/admin/dispute-status";
import type { listDisputes } from "@/lib/disputes/admin";
import { humanType } from "@/lib/disputes/state";
import { formatDateTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

type Dispute = Awaited<ReturnType<typeof listDisputes>>["open"][number];

/** The dispute's order: ours, linked; or Cashfree's id for an order this shop does not know. */
export function DisputeOrderLink({ orderId, cfOrderId }: { orderId: string | null; cfOrderId: string | null }) {
  if (orderId)
    return (
      <Link href={`/admin/orders/${encodeURIComponent(orderId)}`} className="font-mono text-brand-700 underline">
        {orderId}
      </Link>
    );
  return <span className="text-stone-600">not ours ({cfOrderId ?? "no order id"})</span>;
}

/** An open dispute in the disputes list, with how long is left to answer it. */
export function OpenDisputeRow({ dispute: d }: { dispute: Dispute }) {
  return (
    <tr className="border-t border-stone-100 align-top">
      <td className="py-1.5 pr-3">
        <Link href={`/admin/disputes/${d.disputeId}`} className="font-mono text-brand-700 underline">
          {d.disputeId}
        </Link>
      </td>
      <td className="py-1.5 pr-3">
        <DisputeOrderLink orderId={d.orderId} cfOrderId={d.cfOrderId} />
      </td>
      <td className="py-1.5 pr-3">{humanType(d.disputeType)}</td>
      <td className="py-1.5 pr-3">{d.reasonDescription ?? d.reasonCode ?? "—"}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{d.amountPaise === null ? "—" : formatInr(d.amountPaise)}</td>
      <td className="py-1.5 pr-3">
        <DisputeStatus status={d.status} />
      </td>
      <td className="py-1.5">
        {d.respondBy ? formatDateTime(d.respondBy) : "—"}
        {d.overdue && (
          <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Overdue</span>
        )}
      </td>
    </tr>
  );
}
