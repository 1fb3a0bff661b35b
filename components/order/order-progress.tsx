import { formatDate } from "@/lib/format";
import type { OrderView } from "@/lib/orders/view";

/** Paid → shipped (courier, tracking link) → delivered; refunds are in the receipt, under the total. */
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
    </section>
  );
}
