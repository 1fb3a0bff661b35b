import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { TableHead } from "@/components/admin/admin-table";
import { OrderDisputes } from "@/components/admin/order-disputes";
import { OrderSettlement } from "@/components/admin/order-settlement";
import { RefundForm } from "@/components/admin/refund-form";
import { Section } from "@/components/admin/section";
import { ShipForm } from "@/components/admin/ship-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { GstBreakdown } from "@/components/order/gst-breakdown";
import {
  cancelOrderAction,
  markDeliveredAction,
  replayWebhookAction,
  resendEmailAction,
  resyncOrderAction,
  terminateOrderAction,
} from "@/lib/actions/admin/orders";
import { sendOrderPaymentLinkAction } from "@/lib/actions/admin/payment-links";
import { getAdminOrder } from "@/lib/admin/orders";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTimeWithSeconds, statusLabel } from "@/lib/format";
import { formatInr, paiseToRupeeString } from "@/lib/money";
import {
  canCancelPaidOrder,
  canSendPaymentLink,
  canTerminate,
  isRefundable,
  nextFulfilmentStep,
  refundablePaise,
} from "@/lib/orders/transitions";
import { isSuccessfulAttempt } from "@/lib/orders/view";

export const metadata: Metadata = { title: "Order · Admin" };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  await requireAdminPage();
  const { orderId } = await params;
  const detail = await getAdminOrder(orderId);
  if (!detail) notFound();
  const { order, items, payments, refunds, disputes, webhookEvents, timeline, emails, gst, documents } = detail;
  const refundable = refundablePaise(order);
  const canRefund = isRefundable(order.status) && refundable > 0;
  const nextStep = nextFulfilmentStep({ status: order.status, fulfilment: order.fulfillmentStatus });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-mono text-2xl font-semibold">{order.id}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-stone-600">
            <StatusBadge status={order.status} /> {statusLabel(order.fulfillmentStatus)} · placed{" "}
            {formatDateTimeWithSeconds(order.createdAt)}
          </p>
          {order.attentionReason && (
            <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
              Needs attention: {statusLabel(order.attentionReason)}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <ActionButton label="Re-sync with Cashfree" run={resyncOrderAction.bind(null, { orderId: order.id })} />
          {canSendPaymentLink(order.status) && (
            <ActionButton
              label="Send payment link"
              run={sendOrderPaymentLinkAction.bind(null, { orderId: order.id })}
            />
          )}
          {canTerminate(order.status) && (
            <ActionButton
              label="Terminate order"
              confirm="Terminate this unpaid order at Cashfree?"
              run={terminateOrderAction.bind(null, { orderId: order.id })}
            />
          )}
          {canCancelPaidOrder({ status: order.status, fulfilment: order.fulfillmentStatus }) && (
            <ActionButton
              label="Cancel order"
              confirm="Cancel this order and refund it in full?"
              run={cancelOrderAction.bind(null, { orderId: order.id })}
            />
          )}
          {nextStep === "delivered" && (
            <ActionButton label="Mark delivered" run={markDeliveredAction.bind(null, { orderId: order.id })} />
          )}
        </div>
      </div>

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

      <Section title="Payment attempts">
        {payments.length === 0 ? (
          <p className="text-sm text-stone-600">No attempts yet.</p>
        ) : (
          <table className="w-full text-sm">
            <TableHead
              columns={[{ label: "Payment", className: "py-1" }, "Status", "Method", "Amount", "Failure reason"]}
              className="text-left text-stone-600"
            />
            <tbody>
              {payments.map((p) => (
                <tr key={p.cfPaymentId} className="border-t border-stone-100">
                  <td className="py-1 font-mono">{p.cfPaymentId}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{p.paymentGroup ? statusLabel(p.paymentGroup) : "—"}</td>
                  <td>{formatInr(p.amountPaise)}</td>
                  <td className="text-stone-700">{isSuccessfulAttempt(p.status) ? "" : (p.errorDescription ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Refunds">
        {refunds.length > 0 && (
          <ul className="mb-3 space-y-1 text-sm">
            {refunds.map((r) => (
              <li key={r.refundId} className="flex flex-wrap justify-between gap-2">
                <span className="font-mono">{r.refundId}</span>
                <span>
                  {formatInr(r.amountPaise)} · <StatusBadge status={r.status} /> · {r.reason ?? r.refundType}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canRefund ? (
          <RefundForm orderId={order.id} refundableRupees={paiseToRupeeString(refundable)} />
        ) : (
          <p className="text-sm text-stone-600">Nothing refundable.</p>
        )}
      </Section>

      {order.paidAt && <OrderSettlement orderId={order.id} />}

      {disputes.length > 0 && (
        <Section title="Disputes">
          <OrderDisputes orderId={order.id} />
        </Section>
      )}

      {(nextStep === "shipped" || order.shippedAt) && (
        <Section title="Shipping">
          {nextStep === "shipped" ? (
            <ShipForm orderId={order.id} />
          ) : (
            <p className="text-sm">
              {order.shippingCourier} · AWB {order.trackingNumber}
              {order.trackingUrl && (
                <>
                  {" "}
                  ·{" "}
                  <a href={order.trackingUrl} className="text-brand-700 underline">
                    tracking page
                  </a>
                </>
              )}
              {order.deliveredAt && <> · delivered {formatDateTimeWithSeconds(order.deliveredAt)}</>}
            </p>
          )}
        </Section>
      )}

      <Section title="Timeline">
        <ol className="space-y-1 text-sm">
          {timeline.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-2">
              <time className="text-stone-500">{formatDateTimeWithSeconds(e.at)}</time>
              <span className="font-medium">{e.what}</span>
              <span className="text-stone-600">via {e.via}</span>
            </li>
          ))}
        </ol>
      </Section>

      <Section title="E-mails">
        {emails.length === 0 ? (
          <p className="text-sm text-stone-600">None sent yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {emails.map((m) => (
              <li key={m.id} className="flex flex-wrap gap-2">
                <time className="text-stone-500">{formatDateTimeWithSeconds(m.createdAt)}</time>
                <span className="font-medium">{m.subject}</span>
                <span className={m.status === "failed" ? "text-red-700" : "text-emerald-800"}>
                  {m.status === "failed" ? `failed: ${m.error ?? "unknown error"}` : `${m.status} to ${m.recipient}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {order.paidAt && (
          <div className="mt-3">
            <ActionButton label="Resend confirmation" run={resendEmailAction.bind(null, { orderId: order.id })} />
          </div>
        )}
      </Section>

      <Section title="Webhook events">
        {webhookEvents.length === 0 ? (
          <p className="text-sm text-stone-600">None received.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {webhookEvents.map((w) => (
              <li key={w.id}>
                <details>
                  <summary className="cursor-pointer">
                    {w.eventType} · {w.outcome} · {formatDateTimeWithSeconds(w.receivedAt)} · attempts {w.attempts}
                    {w.lastError ? ` · ${w.lastError}` : ""}
                  </summary>
                  <pre className="mt-1 overflow-x-auto rounded bg-stone-50 p-2 text-xs">{w.rawBody}</pre>
                  {(w.outcome === "failed" || w.outcome === "unmatched") && (
                    <ActionButton label="Replay event" run={replayWebhookAction.bind(null, { eventId: w.id })} />
                  )}
                </details>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
