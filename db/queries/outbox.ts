import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";

import type { Database } from "../client";
import { outboxJobs } from "../schema";
import type { Executor } from "./orders";

export type OutboxJobRow = typeof outboxJobs.$inferSelect;
export type NewOutboxJob = Pick<typeof outboxJobs.$inferInsert, "kind" | "key" | "orderId" | "payload">;

/** Adds jobs in the caller's transaction; a key already taken (the same event again) adds nothing. */
export async function enqueueJobs(db: Executor, jobs: NewOutboxJob[]) {
  if (jobs.length === 0) return;
  await db.insert(outboxJobs).values(jobs).onConflictDoNothing({ target: outboxJobs.key });
}

/**
 * Claims up to `limit` due jobs for `leaseSeconds`: pending ones, and running ones whose worker's lease ran out
 * (it died mid-job, or is still at it, too slowly). SKIP LOCKED lets several workers (instances, cron, after())
 * claim side by side, each job once. Every claim gets a new `leaseToken`: the finishing calls below take it.
 */
export async function claimDueJobs(db: Database, limit: number, leaseSeconds: number, onlyIds?: string[]) {
  const due = db
    .select({ id: outboxJobs.id })
    .from(outboxJobs)
    .where(
      and(
        onlyIds ? inArray(outboxJobs.id, onlyIds) : undefined,
        sql`${outboxJobs.runAfter} <= now()`,
        or(
          eq(outboxJobs.status, "pending"),
          and(eq(outboxJobs.status, "running"), lt(outboxJobs.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .orderBy(asc(outboxJobs.runAfter))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxJobs)
    .set({
      status: "running",
      attempts: sql`${outboxJobs.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      leaseToken: sql`gen_random_uuid()`,
    })
    .where(inArray(outboxJobs.id, due))
    .returning();
}

/** The claim a worker holds: the job and the token its claim was given. */
export type JobLease = Pick<OutboxJobRow, "id" | "leaseToken">;

/**
 * Updates a claimed job only while the claim is still this worker's: once its lease ran out and another worker
 * claimed the job (a new token), the late worker's outcome is refused, and it gets `false`. (A handler may have
 * closed its own job already, as a webhook's apply does in its transaction: that leaves the token, and is no loss.)
 */
async function finishJob(db: Database, lease: JobLease, set: PgUpdateSetSource<typeof outboxJobs>) {
  if (!lease.leaseToken) return false;
  const rows = await db
    .update(outboxJobs)
    .set({ ...set, lockedUntil: null, leaseToken: null })
    .where(and(eq(outboxJobs.id, lease.id), eq(outboxJobs.leaseToken, lease.leaseToken)))
    .returning({ id: outboxJobs.id });
  return rows.length > 0;
}

export function markJobDone(db: Database, lease: JobLease) {
  return finishJob(db, lease, { status: "done", doneAt: new Date(), lastError: null });
}

/** A failed attempt: due again after `retryInSeconds`, or given up (`dead`) for the merchant to retry. */
export function markJobFailed(db: Database, lease: JobLease, error: string, retryInSeconds: number | null) {
  return finishJob(db, lease, {
    status: retryInSeconds === null ? "dead" : "pending",
    lastError: error,
    runAfter: retryInSeconds === null ? undefined : sql`now() + make_interval(secs => ${retryInSeconds})`,
  });
}

/**
 * Not a failure: the job could not run yet (another worker is still at its effect), so it is due again after
 * `retryInSeconds` and this claim does not count as an attempt towards giving up.
 */
export function deferJob(db: Database, lease: JobLease, reason: string, retryInSeconds: number) {
  return finishJob(db, lease, {
    status: "pending",
    attempts: sql`greatest(${outboxJobs.attempts} - 1, 0)`,
    lastError: reason,
    runAfter: sql`now() + make_interval(secs => ${retryInSeconds})`,
  });
}

/** The merchant's Retry: a dead job is due again now, with a fresh set of attempts. */
export async function reviveJob(db: Database, id: string) {
  const [row] = await db
    .update(outboxJobs)
    .set({ status: "pending", attempts: 0, runAfter: new Date(), lastError: null })
    .where(and(eq(outboxJobs.id, id), eq(outboxJobs.status, "dead")))
    .returning({ id: outboxJobs.id });
  return !!row;
}

export function listDeadJobs(db: Database) {
  return db
    .select()
    .from(outboxJobs)
    .where(eq(outboxJobs.status, "dead"))
    .orderBy(asc(outboxJobs.createdAt))
    .limit(200);
}
