import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";

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
 * (it died mid-job). SKIP LOCKED lets several workers (instances, cron, after()) claim side by side, each job once.
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
    })
    .where(inArray(outboxJobs.id, due))
    .returning();
}

export async function markJobDone(db: Database, id: string) {
  await db
    .update(outboxJobs)
    .set({ status: "done", doneAt: new Date(), lockedUntil: null, lastError: null })
    .where(eq(outboxJobs.id, id));
}

/** A failed attempt: due again after `retryInSeconds`, or given up (`dead`) for the merchant to retry. */
export async function markJobFailed(db: Database, id: string, error: string, retryInSeconds: number | null) {
  await db
    .update(outboxJobs)
    .set({
      status: retryInSeconds === null ? "dead" : "pending",
      lastError: error,
      lockedUntil: null,
      runAfter: retryInSeconds === null ? undefined : sql`now() + make_interval(secs => ${retryInSeconds})`,
    })
    .where(eq(outboxJobs.id, id));
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
