import { and, count, desc, eq, gte, inArray, lt, or, sql, sum } from "drizzle-orm";

import type { Database } from "../client";
import { orders, payments, webhookEvents, webhookRejections } from "../schema";

export async function ordersByStatus(db: Database, since: Date) {
  return db
    .select({ status: orders.status, n: count(), totalPaise: sum(orders.totalPaise).mapWith(Number) })
    .from(orders)
    .where(gte(orders.createdAt, since))
    .groupBy(orders.status);
}

export async function revenueByDay(db: Database, since: Date) {
  const day = sql<string>`to_char(${orders.paidAt} at time zone 'Asia/Kolkata', 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      revenuePaise: sum(orders.totalPaise).mapWith(Number),
      refundedPaise: sum(orders.refundedPaise).mapWith(Number),
      n: count(),
    })
    .from(orders)
    .where(and(inArray(orders.status, ["paid"]), gte(orders.paidAt, since)))
    .groupBy(day)
    .orderBy(day);
}

/** Paid orders by the method of the payment that paid them. */
export async function paymentMethodMix(db: Database, since: Date) {
  const method = sql<string>`coalesce(${payments.paymentGroup}, 'unknown')`;
  return db
    .select({ method, n: count(), totalPaise: sum(orders.totalPaise).mapWith(Number) })
    .from(orders)
    .innerJoin(payments, sql`${payments.cfPaymentId} = ${orders.paidCfPaymentId}`)
    .where(and(inArray(orders.status, ["paid"]), gte(orders.paidAt, since)))
    .groupBy(method)
    .orderBy(desc(count()));
}

export function attentionOrders(db: Database, pendingBefore: Date) {
  return db
    .select({
      id: orders.id,
      status: orders.status,
      attentionReason: orders.attentionReason,
      totalPaise: orders.totalPaise,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(
      sql`${orders.status} = 'needs_review' OR (${orders.status} IN ('pending','awaiting_payment') AND ${orders.createdAt} < ${pendingBefore})`,
    )
    .orderBy(desc(orders.createdAt))
    .limit(200);
}

/** Verified events not applied: failed, unmatched, or still `received` after `stuckBefore` (a crashed apply). */
export function failedWebhookEvents(db: Database, stuckBefore: Date) {
  return db
    .select({
      id: webhookEvents.id,
      eventType: webhookEvents.eventType,
      orderId: webhookEvents.orderId,
      outcome: webhookEvents.outcome,
      lastError: webhookEvents.lastError,
      receivedAt: webhookEvents.receivedAt,
      attempts: webhookEvents.attempts,
    })
    .from(webhookEvents)
    .where(
      or(
        inArray(webhookEvents.outcome, ["failed", "unmatched"]),
        and(eq(webhookEvents.outcome, "received"), lt(webhookEvents.receivedAt, stuckBefore)),
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(100);
}

export async function rejectionsSince(db: Database, since: Date) {
  return db
    .select({ reason: webhookRejections.reason, n: sql<number>`sum(${webhookRejections.count})::int` })
    .from(webhookRejections)
    .where(gte(webhookRejections.minute, since))
    .groupBy(webhookRejections.reason);
}
