import "server-only";

import { getDb } from "@/db";
import * as stats from "@/db/queries/admin-stats";
import { listDeadJobs } from "@/db/queries/outbox";
import { listDisputesNeedingAnswer } from "@/lib/disputes/admin";
import { indiaDay } from "@/lib/india-day";

/** Orders unpaid for longer than this are listed as needing attention. */
export const PENDING_ATTENTION_MINUTES = 30;
/** A verified event still unapplied this long after it arrived was interrupted (a crash, a deploy). */
const STUCK_EVENT_MINUTES = 5;

export async function getDashboard(days: number) {
  const db = await getDb();
  // The last `days` India days, today included.
  const sinceDay = indiaDay(Date.now() - (days - 1) * 86_400_000);
  const [byStatus, byDay, byMethod] = await Promise.all([
    stats.ordersByStatus(db, sinceDay),
    stats.revenueByDay(db, sinceDay),
    stats.paymentMethodMix(db, sinceDay),
  ]);
  const started = byStatus.reduce((n, row) => n + row.n, 0);
  const paid = byStatus.find((row) => row.status === "paid")?.n ?? 0;
  return {
    byStatus,
    byDay,
    byMethod,
    started,
    paid,
    conversion: started ? paid / started : 0,
    revenuePaise: byDay.reduce((n, d) => n + d.revenuePaise, 0),
    refundedPaise: byDay.reduce((n, d) => n + d.refundedPaise, 0),
  };
}

export async function getAttention() {
  const db = await getDb();
  const pendingBefore = new Date(Date.now() - PENDING_ATTENTION_MINUTES * 60_000);
  const [orders, failedEvents, rejections, deadJobs] = await Promise.all([
    stats.attentionOrders(db, pendingBefore),
    stats.failedWebhookEvents(db, new Date(Date.now() - STUCK_EVENT_MINUTES * 60_000)),
    stats.rejectionsSince(db, new Date(Date.now() - 86_400_000)),
    listDeadJobs(db),
  ]);
  return { orders, failedEvents, rejections, deadJobs };
}

/**
 * How many things on the Needs attention page wait for someone to act (orders held or stuck, events not applied,
 * e-mails and jobs given up on, disputes to answer), for the count beside it in the admin's navigation.
 * Rejected webhooks and unsettled orders are listed there to look at, not to act on, so they are not counted.
 */
export async function attentionCount() {
  const db = await getDb();
  const [orders, failedEvents, deadJobs, disputes] = await Promise.all([
    stats.attentionOrders(db, new Date(Date.now() - PENDING_ATTENTION_MINUTES * 60_000)),
    stats.failedWebhookEvents(db, new Date(Date.now() - STUCK_EVENT_MINUTES * 60_000)),
    listDeadJobs(db),
    listDisputesNeedingAnswer(),
  ]);
  return orders.length + failedEvents.length + deadJobs.length + disputes.length;
}
