import "server-only";

import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";

import { type Database, getDb } from "@/db";
import { deleteExpiredCounters } from "@/db/queries/rate-limits";
import { rateLimiterCounters } from "@/db/schema";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

import { LIMITS, type LimitName, type LimitSpec } from "./limits";

/** Where the counters live: Redis when REDIS_URL is set, else the shop's own database (no new service). */
export type CounterStore = { kind: "redis"; client: Redis } | { kind: "database"; db: Database };

export type Limiters<N extends string = LimitName> = Record<N, RateLimiterAbstract> & { store: CounterStore };

/** One rate-limiter-flexible limiter per named limit, all on `store`; `prefix` namespaces their keys. */
export function createLimiters<N extends string>(
  store: CounterStore,
  specs: Record<N, LimitSpec>,
  prefix: string,
): Limiters<N> {
  const limiters = { store } as Limiters<N>;
  for (const name of Object.keys(specs) as N[]) {
    const spec: LimitSpec = specs[name];
    const options = {
      keyPrefix: `${prefix}${name}`,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
    };
    (limiters as Record<N, RateLimiterAbstract>)[name] =
      store.kind === "redis"
        ? new RateLimiterRedis({
            ...options,
            storeClient: store.client,
            // Redis down: count in this process meanwhile, rather than not at all.
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterDrizzle({
            ...options,
            storeClient: store.db,
            schema: rateLimiterCounters,
            // Each limiter would start its own 5-minute timer deleting the same table's rows: sweepExpired does
            // it once, from requests, and no timer keeps a test or a script alive.
            clearExpiredByTimeout: false,
          });
  }
  return limiters;
}

/**
 * A Redis connection for the counters, once it is ready or a second has passed. From then on a command fails at
 * once while Redis is unreachable (no queue, and the limiter counts in the process instead), so Redis being
 * down never holds a request; ioredis reconnects by itself.
 */
export async function openRedis(url: string) {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  // Unhandled, an "error" event would crash the server. Logged once per outage.
  let down = false;
  client.on("error", (error) => {
    if (!down) logError("rate limits: redis unavailable, counting per instance meanwhile", error);
    down = true;
  });
  client.on("ready", () => (down = false));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}

const globalForRedis = globalThis as unknown as { storefrontRedis?: Promise<Redis> };

// Keyed by the database handle, so a reopened database (tests, scripts) gets limiters on the new one.
const byDatabase = new WeakMap<Database, Limiters>();
let redisLimiters: Promise<Limiters> | undefined;

/** The limits as configured: the shipped ones, with the per-address limits a shop may raise for shared addresses. */
const configuredLimits = () => ({
  ...LIMITS,
  checkoutPerAddress: { ...LIMITS.checkoutPerAddress, points: env.checkoutLimitPerAddress },
  orderConfirmPerAddress: { ...LIMITS.orderConfirmPerAddress, points: env.orderConfirmLimitPerAddress },
});

/** The shop's limiters on its configured store. */
export async function appLimiters(): Promise<Limiters> {
  const { redisUrl, keyPrefix } = env.rateLimits;
  if (redisUrl)
    return (redisLimiters ??= (async () => {
      const client = await (globalForRedis.storefrontRedis ??= openRedis(redisUrl));
      return createLimiters({ kind: "redis", client }, configuredLimits(), keyPrefix);
    })());
  const db = await getDb();
  let limiters = byDatabase.get(db);
  if (!limiters)
    byDatabase.set(db, (limiters = createLimiters({ kind: "database", db }, configuredLimits(), keyPrefix)));
  return limiters;
}

const SWEEP_EVERY_MS = 60 * 60_000;
let lastSweepAt = 0;

/**
 * Deletes the database's expired counters, at most once an hour per process, after a request that counted
 * something (Redis expires its keys by itself). Rows stay an hour past their expiry, as the library's own
 * clean-up keeps them, so instances with slightly different clocks never delete a window still counting.
 */
export function sweepExpired(store: CounterStore, now = Date.now()): Promise<void> | undefined {
  if (store.kind !== "database" || now - lastSweepAt < SWEEP_EVERY_MS) return;
  lastSweepAt = now;
  return deleteExpiredCounters(store.db, new Date(now - SWEEP_EVERY_MS)).catch((error: unknown) =>
    logError("rate limits: could not delete expired counters", error),
  );
}

/** Closes the Redis connection, if one was opened (tests and scripts). */
export async function closeRateLimitStore() {
  const opening = globalForRedis.storefrontRedis;
  globalForRedis.storefrontRedis = undefined;
  redisLimiters = undefined;
  if (!opening) return;
  const client = await opening;
  await client.quit().catch(() => client.disconnect());
}
