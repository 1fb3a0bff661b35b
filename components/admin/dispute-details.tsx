import Link from "next/link";

import { Section } from "@/components/admin/section";
import type { getDisputeDetail } from "@/lib/disputes/admin";
import { formatDateTime } from "@/lib/format";

type Dispute = NonNullable<Awaited<ReturnType<typeof getDisputeDetail>>>["dispute"];

/** A dispute's facts: its order and payment (linked where they are ours), the deadline, Cashfree's remarks. */
export function DisputeDetails({ dispute: d, overdue }: { dispute: Dispute; overdue: boolean }) {
  const orderPath = d.orderId ? `/admin/orders/${encodeURIComponent(d.orderId)}` : null;
  return (
    <Section title="Details">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-stone-600">Order: </dt>
          <dd className="inline">
            {orderPath ? (
              <Link href={orderPath} className="font-mono text-brand-700 underline">
                {d.orderId}
              </Link>
            ) : (
              <span>not an order of this shop (Cashfree order id {d.cfOrderId ?? "unknown"})</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="inline text-stone-600">Payment: </dt>
          <dd className="inline font-mono">
            {orderPath && d.cfPaymentId ? (
              <Link href={`${orderPath}#payments`} className="text-brand-700 underline">
                {d.cfPaymentId}
              </Link>
            ) : (
              (d.cfPaymentId ?? "—")
            )}
          </dd>
        </div>
        <div>
          <dt className="inline text-stone-600">Respond by: </dt>
          <dd className="inline">
            {d.respondBy ? formatDateTime(d.respondBy) : "—"}
            {overdue && <strong className="ml-2 text-red-800">Overdue</strong>}
          </dd>
        </div>
        <div>
          <dt className="inline text-stone-600">Cashfree says: </dt>
          <dd className="inline">{d.cfRemarks ?? "—"}</dd>
        </div>
        {d.resolvedAt && (
          <div>
            <dt className="inline text-stone-600">Closed: </dt>
            <dd className="inline">{formatDateTime(d.resolvedAt)}</dd>
          </div>
        )}
      </dl>
    </Section>
  );
}
