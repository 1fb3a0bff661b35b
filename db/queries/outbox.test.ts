import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, openDatabase } from "../client";
import { outboxJobs } from "../schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "../testing/databases";
import { claimDueJobs, enqueueJobs, markJobDone, markJobFailed } from "./outbox";

// Two app instances each run the outbox worker on their own connection pool to one PostgreSQL: every job must be
// claimed by exactly one of them, however their claims interleave.
const postgres = await requirePostgres();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!postgres)("outbox claims by two instances on one PostgreSQL", () => {
  let database: TestDatabase;
  let other: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 6 });
    other = await openDatabase({ driver: "pg", url: database.url, poolSize: 6 });
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
  });

  /** One instance's worker: claims small batches, holds each job a moment (its "work"), until none is due. */
  async function worker(handle: DatabaseHandle, claimed: string[]) {
    for (let idle = 0; idle < 3;) {
      const jobs = await claimDueJobs(handle.db, 5, 120);
      if (jobs.length === 0) {
        idle++;
        await sleep(10);
        continue;
      }
      for (const job of jobs) {
        claimed.push(job.key);
        await sleep(2);
        expect(await markJobDone(handle.db, job)).toBe(true);
      }
    }
  }

  it("runs each of 200 due jobs once, spread over both instances' workers", async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `test:two-instances:${i}`);
    await enqueueJobs(
      database.db,
      keys.map((key) => ({ kind: "test", key, orderId: null, payload: {} })),
    );
    const byInstance: Record<"a" | "b", string[]> = { a: [], b: [] };
    // Three workers per instance: the background loop, after() and the cron route run side by side in each.
    await Promise.all([
      ...[1, 2, 3].map(() => worker(database, byInstance.a)),
      ...[1, 2, 3].map(() => worker(other, byInstance.b)),
    ]);

    const all = [...byInstance.a, ...byInstance.b];
    expect(all).toHaveLength(200);
    expect(new Set(all)).toEqual(new Set(keys));
    expect(byInstance.a.length).toBeGreaterThan(0);
    expect(byInstance.b.length).toBeGreaterThan(0);
    const rows = await database.db
      .select({ status: outboxJobs.status, attempts: outboxJobs.attempts })
      .from(outboxJobs)
      .where(eq(outboxJobs.kind, "test"));
    expect(rows.every((row) => row.status === "done" && row.attempts === 1)).toBe(true);
  });

  it("gives a job whose instance died mid-run (its lease ran out) to the other instance, once", async () => {
    await enqueueJobs(database.db, [{ kind: "test-lease", key: "test:lease", orderId: null, payload: {} }]);
    const [taken] = await claimDueJobs(database.db, 1, 120);
    expect(taken?.key).toBe("test:lease");
    // Instance A dies holding it: nobody else may take it while the lease lasts…
    expect(await claimDueJobs(other.db, 10, 120)).toEqual([]);
    await database.db
      .update(outboxJobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxJobs.key, "test:lease"));
    // …then exactly one of the instances' workers takes it over.
    const claims = await Promise.all([claimDueJobs(other.db, 10, 120), claimDueJobs(database.db, 10, 120)]);
    expect(claims.flat().map((job) => [job.key, job.attempts])).toEqual([["test:lease", 2]]);
  });

  it("refuses the outcome of a worker whose lease ran out and whose job another worker claimed", async () => {
    await enqueueJobs(database.db, [{ kind: "test-late", key: "test:late", orderId: null, payload: {} }]);
    const [late] = await claimDueJobs(database.db, 1, 120);
    await database.db
      .update(outboxJobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxJobs.key, "test:late"));
    const [current] = await claimDueJobs(other.db, 1, 120);
    expect(current?.id).toBe(late!.id);
    expect(current!.leaseToken).not.toBe(late!.leaseToken);

    // The late worker finishes (or fails) after all: neither may overwrite the current claim.
    expect(await markJobDone(database.db, late!)).toBe(false);
    expect(await markJobFailed(database.db, late!, "late", 5)).toBe(false);
    const [row] = await database.db.select().from(outboxJobs).where(eq(outboxJobs.key, "test:late"));
    expect(row).toMatchObject({ status: "running", leaseToken: current!.leaseToken, lastError: null });
    expect(await markJobDone(other.db, current!)).toBe(true);
    expect(await markJobDone(other.db, current!)).toBe(false);
  });
});
