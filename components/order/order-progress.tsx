import { formatDate } from "@/lib/format";
import { formatInr } from "@/lib/money";
import type { OrderView } from "@/lib/orders/view";

const REFUND_STATUS: Record<string, string> = {
  SUCCESS: "completed",
  PENDING: "in progress",
  ONHOLD: "on hold",
  FAILED: "failed",
  CANCELLED: "cancelled",
};

/** Paid → shipped (courier, tracking link) → delivered, and any refunds with their status. */
export function OrderProgress({ order }: { order: OrderView }) {
  const { shipment } = order;
  const steps = [
    { label: "Paid", done: true, detail: null },
    {
      label: "Shipped",
      done: !!shipment.shippedAt,
      detail: shipment.shippedAt ? (
        <>
          {formatDate(shipment.shippedAt)} with {shipment.courier}
          {shipment.trackingNumber && <>, tracking number {shipment.trackingNumber}</>}
          {shipment.trackingUrl && (
            <>
              {" "}
              ·{" "}
              <a href={shipment.trackingUrl} className="font-medium text-brand-700 underline">
                Track your parcel
              </a>
            </>
          )}
        </>
      ) : null,
    },
    {
      label: "Delivered",
      done: !!shipment.deliveredAt,
      detail: shipment.deliveredAt ? formatDate(shipment.deliveredAt) : null,
    },
  ];
  return (
    <section aria-labelledby="progress-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
        Progress
      </h2>
      <ol className="space-y-2 text-sm">
        {steps.map((step) => (
          <li key={step.label} className="flex gap-3">
            <span aria-hidden className={step.done ? "text-emerald-700" : "text-stone-400"}>
              {step.done ? "●" : "○"}
            </span>
            <span>
              <span className="font-medium">{step.label}</span>
              {step.done ? "" : " — not yet"}
              {step.detail && <span className="block text-stone-700">{step.detail}</span>}
            </span>
          </li>
        ))}
      </ol>
      {order.refunds.length > 0 && (
        <>
          <h3 className="mt-4 mb-1 font-medium">Refunds</h3>
          <ul className="space-y-1 text-sm">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                {formatInr(refund.amountPaise)} · {REFUND_STATUS[refund.status] ?? refund.status.toLowerCase()} ·{" "}
                {formatDate(refund.createdAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
