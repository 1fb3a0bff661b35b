import { and, eq, lt, or, sql } from "drizzle-orm";

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
  const [row] = await db.select().from(webhookEvents).where(or(...matches)).limit(1);
  return row;
}

/**
 * Claims an event for processing and counts the attempt. Concurrent duplicates lose the claim; an event whose
 * earlier attempt failed, or crashed mid-way more than a minute ago, can be claimed again by a retry.
 */
export async function claimWebhookEvent(db: Database, id: string) {
  const [row] = await db
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1` })
    .where(
      and(
        eq(webhookEvents.id, id),
        or(
          eq(webhookEvents.outcome, "failed"),
          and(
            eq(webhookEvents.outcome, "received"),
            or(eq(webhookEvents.attempts, 0), lt(webhookEvents.receivedAt, sql`now() - interval '1 minute'`)),
          ),
        ),
      ),
    )
    .returning({ id: webhookEvents.id });
  return !!row;
}

export async function setWebhookOutcome(db: Database, id: string, outcome: WebhookEventRow["outcome"], lastError: string | null = null) {
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
