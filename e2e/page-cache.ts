import { rmSync } from "node:fs";

import { Redis } from "ioredis";

/**
 * Data cached by `next start` (the tagged product reads) lives in .next/cache/fetch-cache, and any page cached as
 * HTML in .next/server/route-cache (none today: every page renders per request for its CSP nonce); both outlive
 * the server. Entries read from another database are never served (they are keyed by its identity, db/index.ts);
 * test and benchmark servers clear them anyway, so each run starts cold and the disk does not fill.
 * With Redis (REDIS_URL, lib/cache-handler.mjs) the cache outlives it there: the server gets a key prefix of its
 * own, `name`, whose keys a previous run left are deleted first. Answers the variables to start the server with.
 * Servers that run from a copy of the build without its caches (e2e/instances) pass `projectDisk: false`: the
 * project's own .next caches belong to the main e2e server, which `npm test` runs at the same time.
 */
export async function freshPageCache(
  name: string,
  redisUrl = process.env.REDIS_URL,
  { projectDisk = true } = {},
): Promise<Record<string, string>> {
  if (projectDisk) {
    rmSync(".next/server/route-cache", { recursive: true, force: true });
    rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
  }
  if (!redisUrl) return {};
  const prefix = `${process.env.REDIS_KEY_PREFIX ?? ""}${name}:`;
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    for await (const keys of client.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await client.unlink(...keys);
    }
  } finally {
    client.disconnect();
  }
  return { REDIS_KEY_PREFIX: prefix };
}
