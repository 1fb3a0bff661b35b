import Link from "next/link";

import { DisputeStatus } from "@/components/admin/dispute-status";
import { getOrderDisputes } from "@/lib/disputes/admin";
import { humanType } from "@/lib/disputes/state";
import { formatDateTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

/** The order page's disputes: each with its history and, once lost or accepted, the amount debited. */
export async function OrderDisputes({ orderId }: { orderId: string }) {
  const disputes = await getOrderDisputes(orderId);
  return (
    <ul className="space-y-3 text-sm">
      {disputes.map((d) => (
        <li key={d.disputeId} className="space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/admin/disputes/${d.disputeId}`} className="font-mono text-brand-700 underline">
              {humanType(d.disputeType)} {d.disputeId}
            </Link>
            <DisputeStatus status={d.status} />
            <span>{d.amountPaise === null ? "" : formatInr(d.amountPaise)}</span>
            <span>· {d.reasonDescription}</span>
            {d.respondBy && !d.resolvedAt && <span>· respond by {formatDateTime(d.respondBy)}</span>}
            {d.debitedPaise !== null && <strong className="text-red-800">{formatInr(d.debitedPaise)} debited</strong>}
          </p>
          <ol aria-label={`History of dispute ${d.disputeId}`} className="ml-4 border-l border-stone-200 pl-3">
            {d.history.map((h) => (
              <li key={h.id} className="text-stone-700">
                {formatDateTime(h.occurredAt)} · {h.status ? <DisputeStatus status={h.status} /> : null}{" "}
                {h.kind === "webhook" ? "Cashfree" : h.actor}
                {h.note && `: ${h.note}`}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
