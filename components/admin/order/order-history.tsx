import { ActionButton } from "@/components/admin/action-button";
import { Section } from "@/components/admin/section";
import { ShipForm } from "@/components/admin/ship-form";
import { replayWebhookAction, resendEmailAction } from "@/lib/actions/admin/orders";
import { formatDateTimeWithSeconds } from "@/lib/format";

import type { AdminOrderDetail, NextStep } from "./detail";

/** What happened since: shipping (or the form for it), the timeline, e-mails sent and webhooks received. */
export function OrderHistory({ detail, nextStep }: { detail: AdminOrderDetail; nextStep: NextStep }) {
  const { order, webhookEvents, timeline, emails } = detail;
  return (
    <>
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
    </>
  );
}
