import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "@/db/client";
import { rateLimiterCounters } from "@/db/schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { deleteKeys, requireRedis, TEST_REDIS_URL, testKeyPrefix } from "@/lib/testing/redis";

import { type Check, hit } from "./index";
import { type CounterStore, createLimiters, openRedis, sweepExpired } from "./store";

// One test body for every store: the database on each of its drivers (PGlite, node-postgres, Neon's Pool) and
// Redis. Two sets of limiters on one store stand for two app instances.
const postgres = await requirePostgres();
const redis = await requireRedis();

const SPECS = {
  burst: { points: 10, durationSeconds: 60 },
  minute: { points: 3, durationSeconds: 60 },
  second: { points: 2, durationSeconds: 1 },
  cooled: { points: 2, durationSeconds: 1, blockSeconds: 3 },
};
type Name = keyof typeof SPECS;

interface OpenStore {
  /** Two connections to the same store, as two app instances have. */
  stores: [CounterStore, CounterStore];
  storedKeys(): Promise<string[]>;
  close(): Promise<void>;
}

async function databaseStore(driver: "pglite" | "pg" | "neon"): Promise<OpenStore> {
  const database: TestDatabase = await createTestDatabase(driver, { poolSize: 20 });
  // PGlite is one process's database; on PostgreSQL the second instance has its own node-postgres pool.
  const second = database.url ? await openDatabase({ driver: "pg", url: database.url, poolSize: 20 }) : undefined;
  return {
    stores: [
      { kind: "database", db: database.db },
      { kind: "database", db: (second ?? database).db },
    ],
    storedKeys: async () => (await database.db.select().from(rateLimiterCounters)).map((row) => row.key),
    async close() {
      await second?.close();
      await database.close();
    },
  };
}

async function redisStore(prefix: string): Promise<OpenStore> {
  const [a, b] = await Promise.all([openRedis(TEST_REDIS_URL), openRedis(TEST_REDIS_URL)]);
  return {
    stores: [
      { kind: "redis", client: a },
      { kind: "redis", client: b },
    ],
    storedKeys: () => a.keys(`${prefix}*`),
    async close() {
      await deleteKeys(a, prefix);
      await Promise.all([a.quit(), b.quit()]);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CASES = [
  { name: "PGlite", available: true, open: () => databaseStore("pglite") },
  { name: "PostgreSQL (node-postgres)", available: postgres, open: () => databaseStore("pg") },
  { name: "PostgreSQL (Neon's Pool)", available: postgres, open: () => databaseStore("neon") },
  { name: "Redis", available: redis, open: (prefix: string) => redisStore(prefix) },
];

describe.each(CASES)("rate limits on $name", ({ available, open }) => {
  const prefix = testKeyPrefix();
  let opened: OpenStore;
  let instanceA: ReturnType<typeof createLimiters<Name>>;
  let instanceB: ReturnType<typeof createLimiters<Name>>;
  const limited = (checks: Check<Name>[], on = instanceA) => hit(on, checks);

  beforeAll(async () => {
    if (!available) return;
    opened = await open(prefix);
    instanceA = createLimiters(opened.stores[0], SPECS, prefix);
    instanceB = createLimiters(opened.stores[1], SPECS, prefix);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it.skipIf(!available)("counts atomically: of 60 parallel requests over two instances, exactly 10 pass", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => limited([["burst", "203.0.113.7"]], i % 2 ? instanceA : instanceB)),
    );
    expect(verdicts.filter((v) => !v.limited)).toHaveLength(10);
    // Another key has its own count.
    expect(await limited([["burst", "203.0.113.8"]])).toEqual({ limited: false });
  });

  it.skipIf(!available)("answers with Retry-After: the seconds left in the window", async () => {
    for (let i = 0; i < 3; i++) expect(await limited([["minute", "retry"]])).toEqual({ limited: false });
    const first = await limited([["minute", "retry"]]);
    expect(first).toEqual({ limited: true, retryAfterSeconds: expect.any(Number) });
    const firstWait = first.limited ? first.retryAfterSeconds : 0;
    expect(firstWait).toBeGreaterThanOrEqual(59);
    expect(firstWait).toBeLessThanOrEqual(60);
    await sleep(2_100);
    const later = await limited([["minute", "retry"]], instanceB);
    expect(later.limited && later.retryAfterSeconds).toBeLessThanOrEqual(firstWait - 2);
  });

  it.skipIf(!available)("starts again after the window", async () => {
    expect(await limited([["second", "reset"]])).toEqual({ limited: false });
    expect(await limited([["second", "reset"]])).toEqual({ limited: false });
    expect(await limited([["second", "reset"]])).toEqual({ limited: true, retryAfterSeconds: 1 });
    await sleep(1_200);
    expect(await limited([["second", "reset"]])).toEqual({ limited: false });
  });

  it.skipIf(!available)("holds a cool-down past the window, then lets the client in again", async () => {
    await limited([["cooled", "guesser"]]);
    await limited([["cooled", "guesser"]]);
    expect(await limited([["cooled", "guesser"]])).toEqual({ limited: true, retryAfterSeconds: 3 });
    await sleep(1_500);
    // The window alone would have ended; the cool-down has not, and asking again does not extend it.
    expect(await limited([["cooled", "guesser"]], instanceB)).toEqual({ limited: true, retryAfterSeconds: 2 });
    await sleep(1_700);
    expect(await limited([["cooled", "guesser"]])).toEqual({ limited: false });
  });

  it.skipIf(!available)("is limited when any check is, for the longest wait, and counts every check", async () => {
    for (let i = 0; i < 3; i++) await limited([["minute", "cart-1"]]);
    await limited([["second", "address-0"]]);
    const verdict = await limited([
      ["second", "address-0"],
      ["minute", "cart-1"],
    ]);
    expect(verdict).toMatchObject({ limited: true });
    expect(verdict.limited && verdict.retryAfterSeconds).toBeGreaterThan(50);
    // The refused request still counted on the address: its third request in the second is over.
    expect(await limited([["second", "address-0"]])).toEqual({ limited: true, retryAfterSeconds: 1 });
  });

  it.skipIf(!available)(
    "counts nothing for an unknown key, and stores digests, never e-mails or addresses",
    async () => {
      for (let i = 0; i < 20; i++) expect(await limited([["minute", null]])).toEqual({ limited: false });
      await limited([["minute", "asha@example.com"]]);
      const keys = await opened.storedKeys();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(" ")).not.toMatch(/asha|example|203\.0\.113|null/);
      expect(keys.every((key) => key.startsWith(prefix))).toBe(true);
    },
  );
});

describe.skipIf(!redis)("rate limits while Redis is down", () => {
  it("count in the process meanwhile (rate-limiter-flexible's insurance limiter), never blocking on the connection", async () => {
    const down = await openRedis("redis://127.0.0.1:1");
    const limiters = createLimiters({ kind: "redis", client: down }, SPECS, testKeyPrefix());
    const started = Date.now();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await hit(limiters, [["minute", "203.0.113.9"]]));
    expect(verdicts.map((v) => v.limited)).toEqual([false, false, false, true]);
    expect(Date.now() - started).toBeLessThan(1_000);
    down.disconnect();
  });
});

describe("expired database counters", () => {
  it("are deleted at most once an hour, an hour after they expired", async () => {
    const database = await createTestDatabase("pglite");
    const store: CounterStore = { kind: "database", db: database.db };
    const sweepAt = Date.now() + 3 * 60 * 60_000;
    const at = (minutes: number) => new Date(sweepAt + minutes * 60_000);
    await database.db.insert(rateLimiterCounters).values([
      { key: "rl:old", points: 3, expire: at(-120) },
      { key: "rl:recent", points: 3, expire: at(-30) },
      { key: "rl:open", points: 1, expire: at(10) },
    ]);
    await sweepExpired(store, sweepAt);
    const left = (await database.db.select().from(rateLimiterCounters)).map((row) => row.key).sort();
    expect(left).toEqual(["rl:open", "rl:recent"]);
    expect(sweepExpired(store, sweepAt + 59 * 60_000)).toBeUndefined();
    await database.close();
  });
});
