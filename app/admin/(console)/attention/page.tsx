import type { Metadata } from "next";
import Link from "next/link";

import { ActionButton } from "@/components/admin/action-button";
import { StatusBadge } from "@/components/admin/status-badge";
import { replayWebhookAction, retryJobAction } from "@/lib/actions/admin/orders";
import { getAttention, PENDING_ATTENTION_MINUTES } from "@/lib/admin/insights";
import { requireAdminPage } from "@/lib/auth/session";
import { listDisputesNeedingAnswer } from "@/lib/disputes/admin";
import { formatDateTime, statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";
import { unsettledOrders } from "@/lib/settlements/view";

export const metadata: Metadata = { title: "Needs attention · Admin" };

export default async function AttentionPage() {
  await requireAdminPage();
  const [{ orders, failedEvents, rejections, deadJobs }, disputes, unsettled] = await Promise.all([
    getAttention(),
    listDisputesNeedingAnswer(),
    unsettledOrders(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Needs attention</h1>
      <section aria-label="Orders" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">
          Orders held for review or unpaid for over {PENDING_ATTENTION_MINUTES} minutes
        </h2>
        {orders.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing to look at.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {orders.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/orders/${encodeURIComponent(o.id)}`} className="font-mono text-brand-700 underline">
                  {o.id}
                </Link>
                <StatusBadge status={o.status} />
                <span>{o.attentionReason && statusLabel(o.attentionReason)}</span>
                <span className="text-stone-600">
                  {formatInr(o.totalPaise)} · {formatDateTime(o.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Disputes" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Disputes waiting for your answer</h2>
        {disputes.length === 0 ? (
          <p className="text-sm text-stone-600">None.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {disputes.map((d) => (
              <li key={d.disputeId} className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/disputes/${d.disputeId}`} className="font-mono text-brand-700 underline">
                  {d.disputeId}
                </Link>
                {d.overdue && <strong className="text-red-800">Overdue</strong>}
                <span>
                  {d.amountPaise === null ? "" : formatInr(d.amountPaise)} · {d.reasonDescription ?? d.status} · order{" "}
                  {d.orderId ?? `${d.cfOrderId ?? "unknown"} (not ours)`}
                  {d.respondBy && ` · respond by ${formatDateTime(d.respondBy)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Unsettled orders" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Paid orders not settled after {unsettled.days} days</h2>
        {unsettled.orders.length === 0 ? (
          <p className="text-sm text-stone-600">Every paid order is settled or still within the usual window.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {unsettled.orders.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/orders/${encodeURIComponent(o.id)}`} className="font-mono text-brand-700 underline">
                  {o.id}
                </Link>
                <span className="text-stone-600">
                  {formatInr(o.totalPaise)} · paid {o.paidAt && formatDateTime(o.paidAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Webhook events" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Webhook events not applied</h2>
        {failedEvents.length === 0 ? (
          <p className="text-sm text-stone-600">All verified events were applied.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {failedEvents.map((e) => (
              <li key={e.id} className="flex flex-wrap items-start gap-3">
                <span>
                  {e.eventType} · {e.outcome} · order {e.orderId ?? "unknown"} · {formatDateTime(e.receivedAt)} ·
                  attempts {e.attempts} {e.lastError && `· ${e.lastError}`}
                </span>
                <ActionButton label="Replay event" run={replayWebhookAction.bind(null, { eventId: e.id })} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Outbox" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Jobs that gave up (e-mails, Cashfree updates, refunds)</h2>
        {deadJobs.length === 0 ? (
          <p className="text-sm text-stone-600">None: every job ran.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {deadJobs.map((job) => (
              <li key={job.id} className="flex flex-wrap items-start gap-3">
                <span>
                  {job.key} · order {job.orderId ?? "—"} · attempts {job.attempts} · {job.lastError}
                </span>
                <ActionButton label="Retry" run={retryJobAction.bind(null, { jobId: job.id })} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Signature failures" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Rejected webhooks in the last 24 hours</h2>
        {rejections.length === 0 ? (
          <p className="text-sm text-stone-600">None.</p>
        ) : (
          <ul className="text-sm">
            {rejections.map((r) => (
              <li key={r.reason}>
                {statusLabel(r.reason)}: {r.n}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
