import { and, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { outboxJobs, webhookEvents, webhookRejections } from "../schema";

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type NewWebhookEvent = typeof webhookEvents.$inferInsert;

/** Stores a verified event; returns undefined when an event with the same idempotency or dedupe key exists. */
export async function insertWebhookEvent(db: Database, event: NewWebhookEvent): Promise<WebhookEventRow | undefined> {
  const [row] = await db.insert(webhookEvents).values(event).onConflictDoNothing().returning();
  return row;
}

/** The outbox job that applies a stored event: its kind, what its handler needs besides the event, and when it is due. */
export interface ApplyJob {
  kind: string;
  payload: Record<string, unknown>;
  /** The job is a backstop for the apply that runs right after the response: due only after this delay. */
  dueInSeconds: number;
}

/**
 * Stores a verified event and the outbox job that will apply it, in one statement (one round trip, one commit):
 * once it returns, the event is durable and will be applied even if this process dies. The job's key is
 * `${kind}:${eventId}` and its payload carries `eventId`. Returns undefined when an event with the same
 * idempotency or dedupe key exists (a duplicate): then neither row is written.
 */
export async function storeWebhookEvent(db: Database, event: NewWebhookEvent, job: ApplyJob) {
  const [row] = await storeStatement(db).execute({
    idempotencyKey: event.idempotencyKey ?? null,
    dedupeKey: event.dedupeKey ?? null,
    eventType: event.eventType,
    apiVersion: event.apiVersion ?? null,
    webhookTimestamp: event.webhookTimestamp,
    signature: event.signature,
    rawBody: event.rawBody,
    orderId: event.orderId ?? null,
    jobKind: job.kind,
    jobPayload: JSON.stringify(job.payload),
    dueInSeconds: job.dueInSeconds,
  });
  return row ? { eventId: String(row.payload.eventId) } : undefined;
}

/**
 * The statement, built and prepared once per database (it runs on every delivery): no query building per request,
 * and PostgreSQL plans it once per connection.
 */
const storeStatements = new WeakMap<Database, ReturnType<typeof prepareStore>>();
function storeStatement(db: Database) {
  let statement = storeStatements.get(db);
  if (!statement) storeStatements.set(db, (statement = prepareStore(db)));
  return statement;
}

function prepareStore(db: Database) {
  const value = (name: string) => sql.placeholder(name);
  const stored = db.$with("stored").as(
    db
      .insert(webhookEvents)
      .values({
        idempotencyKey: value("idempotencyKey"),
        dedupeKey: value("dedupeKey"),
        eventType: value("eventType"),
        apiVersion: value("apiVersion"),
        webhookTimestamp: value("webhookTimestamp"),
        signature: value("signature"),
        rawBody: value("rawBody"),
        orderId: value("orderId"),
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id }),
  );
  // An INSERT … SELECT names every column of the table, in order.
  return db
    .with(stored)
    .insert(outboxJobs)
    .select((qb) =>
      qb
        .select({
          id: sql`gen_random_uuid()`.as("id"),
          kind: sql`${value("jobKind")}::text`.as("kind"),
          key: sql`${value("jobKind")}::text || ':' || ${stored.id}`.as("key"),
          orderId: sql`${value("orderId")}::text`.as("order_id"),
          payload: sql`${value("jobPayload")}::jsonb || jsonb_build_object('eventId', ${stored.id})`.as("payload"),
          status: sql`'pending'::outbox_status`.as("status"),
          attempts: sql`0`.as("attempts"),
          runAfter: sql`now() + make_interval(secs => ${value("dueInSeconds")}::int)`.as("run_after"),
          lockedUntil: sql`null::timestamptz`.as("locked_until"),
          leaseToken: sql`null::uuid`.as("lease_token"),
          lastError: sql`null::text`.as("last_error"),
          createdAt: sql`now()`.as("created_at"),
          doneAt: sql`null::timestamptz`.as("done_at"),
        })
        .from(stored),
    )
    .returning({ payload: outboxJobs.payload })
    .prepare("store_webhook_event");
}

/** The payload of an event's apply job (`${jobKind}:${eventId}`): which endpoint received it. Undefined for events stored before apply jobs. */
export async function findApplyJobPayload(db: Database, jobKind: string, eventId: string) {
  const [row] = await db
    .select({ payload: outboxJobs.payload })
    .from(outboxJobs)
    .where(eq(outboxJobs.key, `${jobKind}:${eventId}`));
  return row?.payload;
}

/** Outcomes a delivery may still apply: stored but not applied yet, or failed before. */
export const CLAIMABLE_OUTCOMES: WebhookEventRow["outcome"][] = ["received", "failed"];

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

/**
 * Inside the applying transaction, in one statement: the event's outcome, and its apply job (`${jobKind}:${id}`)
 * done, so no worker runs it again once this commits. `note` says why an event was not applied (kept where the
 * admin reads a failed event's error).
 */
export async function setWebhookOutcome(
  tx: Database,
  id: string,
  outcome: WebhookEventRow["outcome"],
  jobKind: string,
  note: string | null = null,
) {
  const jobDone = tx.$with("job_done").as(
    tx
      .update(outboxJobs)
      .set({ status: "done", doneAt: new Date(), lockedUntil: null, lastError: null })
      .where(eq(outboxJobs.key, `${jobKind}:${id}`))
      .returning({ id: outboxJobs.id }),
  );
  await tx
    .with(jobDone)
    .update(webhookEvents)
    .set({ outcome, lastError: note, processedAt: new Date() })
    .where(eq(webhookEvents.id, id));
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
