import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { orderDailyStats, orders, webhookEvents, webhookRejections } from "../schema";

// The dashboard reads the daily figures the orders trigger keeps (schema/orders.ts orderDailyStats), from the India
// day `sinceDay` (YYYY-MM-DD) on: a few rows a day, however many orders there are.

const statsFrom = (kind: "created" | "paid", sinceDay: string) =>
  and(eq(orderDailyStats.kind, kind), gte(orderDailyStats.day, sinceDay));
const ordersSum = sql<number>`coalesce(sum(${orderDailyStats.orders}), 0)`.mapWith(Number);
const totalSum = sql<number>`coalesce(sum(${orderDailyStats.totalPaise}), 0)`.mapWith(Number);
const refundedSum = sql<number>`coalesce(sum(${orderDailyStats.refundedPaise}), 0)`.mapWith(Number);

/** Orders placed since the day, by their status now. */
export async function ordersByStatus(db: Database, sinceDay: string) {
  const rows = await db
    .select({ status: orderDailyStats.key, n: ordersSum, totalPaise: totalSum })
    .from(orderDailyStats)
    .where(statsFrom("created", sinceDay))
    .groupBy(orderDailyStats.key);
  return rows.filter((row) => row.n > 0) as {
    status: (typeof orders.$inferSelect)["status"];
    n: number;
    totalPaise: number;
  }[];
}

/** Paid orders by the day they were paid: revenue, refunds, count. */
export async function revenueByDay(db: Database, sinceDay: string) {
  const rows = await db
    .select({ day: orderDailyStats.day, revenuePaise: totalSum, refundedPaise: refundedSum, n: ordersSum })
    .from(orderDailyStats)
    .where(statsFrom("paid", sinceDay))
    .groupBy(orderDailyStats.day)
    .orderBy(orderDailyStats.day);
  return rows.filter((row) => row.n > 0);
}

/** Paid orders by the method of the payment that paid them. */
export async function paymentMethodMix(db: Database, sinceDay: string) {
  const rows = await db
    .select({ method: orderDailyStats.key, n: ordersSum, totalPaise: totalSum })
    .from(orderDailyStats)
    .where(statsFrom("paid", sinceDay))
    .groupBy(orderDailyStats.key)
    .orderBy(desc(ordersSum));
  return rows.filter((row) => row.n > 0);
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
