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

/** The two keys a delivery is known by: Cashfree's x-idempotency-key, when sent, and our dedupe key. */
export interface WebhookKeys {
  idempotencyKey: string | null;
  dedupeKey: string;
}

/** An event's id and outcome, by either key: one indexed read, enough to answer a duplicate without a transaction. */
export async function findWebhookOutcome(db: Database, keys: WebhookKeys) {
  const matches = [eq(webhookEvents.dedupeKey, keys.dedupeKey)];
  if (keys.idempotencyKey) matches.push(eq(webhookEvents.idempotencyKey, keys.idempotencyKey));
  const [row] = await db
    .select({ id: webhookEvents.id, outcome: webhookEvents.outcome })
    .from(webhookEvents)
    .where(or(...matches))
    .limit(1);
  return row;
}

/** Outcomes a delivery may still apply: stored but not applied yet, or failed before. */
export const CLAIMABLE_OUTCOMES: WebhookEventRow["outcome"][] = ["received", "failed"];

/**
 * Inside the applying transaction: stores a new event already claimed (its row stays locked by the insert until
 * the commit, so a concurrent delivery of it waits, then finds it applied). Undefined when it exists already.
 */
export async function insertClaimedWebhookEvent(tx: Database, event: NewWebhookEvent) {
  const [row] = await tx
    .insert(webhookEvents)
    .values({ ...event, attempts: 1 })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return row;
}

/**
 * Inside the applying transaction, in one statement: locks a stored event and counts the attempt. A row locked by
 * a concurrent delivery is skipped (that delivery is a duplicate), as is one already applied; a replay takes any.
 */
export async function claimWebhookEvent(tx: Database, id: string, options: { replay?: boolean } = {}) {
  const claimable = options.replay ? undefined : inArray(webhookEvents.outcome, CLAIMABLE_OUTCOMES);
  const lockable = tx
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, id), claimable))
    .for("update", { skipLocked: true });
  const rows = await tx
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1` })
    .where(inArray(webhookEvents.id, lockable))
    .returning({ id: webhookEvents.id });
  return rows.length > 0;
}

/** After a rolled-back attempt: counts it and keeps the error, unless a retry has applied the event meanwhile. */
export async function markWebhookFailed(db: Database, id: string, lastError: string) {
  await db
    .update(webhookEvents)
    .set({ outcome: "failed", lastError, attempts: sql`${webhookEvents.attempts} + 1`, processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.outcome, CLAIMABLE_OUTCOMES)));
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
