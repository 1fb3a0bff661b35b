import type { Metadata } from "next";
import Link from "next/link";

import { AttentionList } from "@/components/admin/attention-list";
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
      <AttentionList
        label="Orders"
        title={`Orders held for review or unpaid for over ${PENDING_ATTENTION_MINUTES} minutes`}
        items={orders}
        empty="Nothing to look at."
      >
        {(o) => (
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
        )}
      </AttentionList>
      <AttentionList label="Disputes" title="Disputes waiting for your answer" items={disputes} empty="None.">
        {(d) => (
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
        )}
      </AttentionList>
      <AttentionList
        label="Unsettled orders"
        title={`Paid orders not settled after ${unsettled.days} days`}
        items={unsettled.orders}
        empty="Every paid order is settled or still within the usual window."
      >
        {(o) => (
          <li key={o.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/admin/orders/${encodeURIComponent(o.id)}`} className="font-mono text-brand-700 underline">
              {o.id}
            </Link>
            <span className="text-stone-600">
              {formatInr(o.totalPaise)} · paid {o.paidAt && formatDateTime(o.paidAt)}
            </span>
          </li>
        )}
      </AttentionList>
      <AttentionList
        label="Webhook events"
        title="Webhook events not applied"
        items={failedEvents}
        empty="All verified events were applied."
      >
        {(e) => (
          <li key={e.id} className="flex flex-wrap items-start gap-3">
            <span>
              {e.eventType} · {e.outcome} · order {e.orderId ?? "unknown"} · {formatDateTime(e.receivedAt)} · attempts{" "}
              {e.attempts} {e.lastError && `· ${e.lastError}`}
            </span>
            <ActionButton label="Replay event" run={replayWebhookAction.bind(null, { eventId: e.id })} />
          </li>
        )}
      </AttentionList>
      <AttentionList
        label="Outbox"
        title="Jobs that gave up (e-mails, Cashfree updates, refunds)"
        items={deadJobs}
        empty="None: every job ran."
      >
        {(job) => (
          <li key={job.id} className="flex flex-wrap items-start gap-3">
            <span>
              {job.key} · order {job.orderId ?? "—"} · attempts {job.attempts} · {job.lastError}
            </span>
            <ActionButton label="Retry" run={retryJobAction.bind(null, { jobId: job.id })} />
          </li>
        )}
      </AttentionList>
      <AttentionList
        label="Signature failures"
        title="Rejected webhooks in the last 24 hours"
        items={rejections}
        empty="None."
        listClassName="text-sm"
      >
        {(r) => (
          <li key={r.reason}>
            {statusLabel(r.reason)}: {r.n}
          </li>
        )}
      </AttentionList>
    </div>
  );
}
