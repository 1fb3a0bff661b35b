import { and, desc, eq, inArray, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { webhookEvents, webhookRejections } from "../schema";

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type NewWebhookEvent = typeof webhookEvents.$inferInsert;

/** Stores a verified event; returns undefined when an event with the same idempotency or dedupe key exists. */
export async function insertWebhookEvent(db: Database, event: NewWebhookEvent): Promise<WebhookEventRow | undefined> {
  const [row] = await db.insert(webhookEvents).values(event).onConflictDoNothing().returning();
  return row;
}

export async function findWebhookEvent(db: Database, keys: { idempotencyKey: string | null; dedupeKey: string }) {
  const matches = [eq(webhookEvents.dedupeKey, keys.dedupeKey)];
  if (keys.idempotencyKey) matches.push(eq(webhookEvents.idempotencyKey, keys.idempotencyKey));
  const [row] = await db
    .select()
    .from(webhookEvents)
    .where(or(...matches))
    .limit(1);
  return row;
}

/**
 * Inside the applying transaction: locks the event row and counts the attempt. A row locked by a concurrent
 * delivery is skipped (that delivery is a duplicate), as is one already applied; a replay takes any event.
 */
export async function claimWebhookEvent(tx: Database, id: string, options: { replay?: boolean } = {}) {
  const claimable = options.replay ? undefined : inArray(webhookEvents.outcome, ["received", "failed"]);
  const [row] = await tx
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, id), claimable))
    .for("update", { skipLocked: true });
  if (!row) return false;
  await tx
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1` })
    .where(eq(webhookEvents.id, id));
  return true;
}

/** After a rolled-back attempt: counts it and keeps the error, unless a retry has applied the event meanwhile. */
export async function markWebhookFailed(db: Database, id: string, lastError: string) {
  await db
    .update(webhookEvents)
    .set({ outcome: "failed", lastError, attempts: sql`${webhookEvents.attempts} + 1`, processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.outcome, ["received", "failed"])));
}

export async function setWebhookOutcome(
  db: Database,
  id: string,
  outcome: WebhookEventRow["outcome"],
  lastError: string | null = null,
) {
  await db.update(webhookEvents).set({ outcome, lastError, processedAt: new Date() }).where(eq(webhookEvents.id, id));
}

/** Counts a rejected delivery in its (minute, reason) row: one upsert, never a row per request. */
export async function countWebhookRejection(db: Database, reason: string, remoteAddress: string | null) {
  await db
    .insert(webhookRejections)
    .values({ minute: sql`date_trunc('minute', now())`, reason, count: 1, lastRemoteAddress: remoteAddress })
    .onConflictDoUpdate({
      target: [webhookRejections.minute, webhookRejections.reason],
      set: { count: sql`${webhookRejections.count} + 1`, lastRemoteAddress: remoteAddress },
    });
}

export async function getWebhookEvent(db: Database, id: string) {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return row;
}

export function listOrderWebhookEvents(db: Database, orderId: string) {
  return db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.orderId, orderId))
    .orderBy(desc(webhookEvents.receivedAt));
}
