import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

/** The real Redis the tests use: a server on this machine, never a remote one. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Whether the Redis suites run. In CI a missing server is a failure, not a skip; on a laptop without Redis they
 * are reported as skipped with the reason.
 */
export async function requireRedis(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${TEST_REDIS_URL}`);
    console.warn(`Skipping Redis tests: nothing listens at ${TEST_REDIS_URL}`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** A key prefix of this test run's own, so parallel runs on one Redis never count each other's requests. */
export const testKeyPrefix = () => `test:${randomBytes(6).toString("hex")}:`;

/** Deletes this run's keys. */
export async function deleteKeys(client: Redis, prefix: string) {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(...keys);
}
