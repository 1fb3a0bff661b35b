import { Section } from "@/components/admin/section";
import { GstBreakdown } from "@/components/order/gst-breakdown";
import { formatDateTimeWithSeconds } from "@/lib/format";
import { formatInr } from "@/lib/money";

import type { AdminOrderDetail } from "./detail";

/** What was bought, by whom and where it goes, and the tax documents issued for it. */
export function OrderOverview({ detail }: { detail: AdminOrderDetail }) {
  const { order, items, gst, documents } = detail;
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Items">
          <ul className="space-y-1 text-sm">
            {items.map((item) => (
              <li key={item.variantId} className="flex justify-between gap-3">
                <span>
                  {item.productName} × {item.quantity}{" "}
                  <span className="text-xs whitespace-nowrap text-stone-500">SKU {item.sku}</span>
                </span>
                <span>{formatInr(item.lineTotalPaise)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 border-t border-stone-100 pt-2 text-sm">
            Shipping {formatInr(order.shippingPaise)} · <strong>Total {formatInr(order.totalPaise)}</strong> · refunded{" "}
            {formatInr(order.refundedPaise)}
          </p>
          {order.offerDiscountPaise ? (
            <p className="text-sm text-stone-700">
              Cashfree offer <span className="font-mono">{order.cfOfferId ?? "—"}</span>: discount{" "}
              {formatInr(order.offerDiscountPaise)}, paid {formatInr(order.totalPaise - order.offerDiscountPaise)}
            </p>
          ) : null}
          <div className="mt-2 max-w-xs">
            <GstBreakdown quote={gst} />
          </div>
        </Section>
        <Section title="Customer and shipping">
          <p className="text-sm">
            {order.customerName} · {order.customerEmail} · {order.customerPhone}
          </p>
          <p className="text-sm text-stone-700">
            {[order.shippingLine1, order.shippingLine2, order.shippingCity, order.shippingState, order.shippingPincode]
              .filter(Boolean)
              .join(", ")}
          </p>
          <p className="mt-2 text-xs text-stone-600">
            Cashfree order {order.cfOrderId ?? "—"} · status {order.cfOrderStatus ?? "—"} · paid payment{" "}
            {order.paidCfPaymentId ?? "—"}
          </p>
        </Section>
      </div>

      <Section title="Tax documents">
        <p className="mb-2 text-sm text-stone-700">
          Place of supply {detail.placeOfSupply}
          {order.buyerGstin && (
            <>
              {" "}
              · business purchase by {order.buyerBusinessName}, GSTIN{" "}
              <span className="font-mono">{order.buyerGstin}</span>
            </>
          )}
        </p>
        {documents.length === 0 ? (
          <p className="text-sm text-stone-600">No invoice yet: one is issued when the order is paid.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {documents.map((document) => (
              <li key={document.id}>
                {document.kind === "invoice" ? "Tax invoice" : "Credit note"}{" "}
                <a href={document.url} className="font-mono text-brand-700 underline">
                  {document.number}
                </a>{" "}
                · {formatInr(document.totalPaise)} · {formatDateTimeWithSeconds(document.issuedAt)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
