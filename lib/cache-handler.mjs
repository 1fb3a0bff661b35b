// Next.js's incremental cache (cached pages, unstable_cache data and their tags) kept in Redis, so that every
// `next start` instance serves the same entries and a revalidateTag() on one reaches all. next.config.ts uses this
// file when REDIS_URL is set (validated by lib/env-schema.ts); Next imports it itself, as plain JavaScript.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import { ioredisAdapter } from "@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter";
import createRedisStringsHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { Redis } from "ioredis";

/** A Redis command slower than this counts as an outage: the page is rendered from the database instead. */
const TIMEOUT_MS = 500;

/**
 * The shared store, tolerant of Redis going away. While Redis is down or hangs, every read is a miss (the page is
 * rendered from the database, as if uncached) and writes are dropped, each after at most TIMEOUT_MS; there is
 * deliberately no in-memory fallback, which would serve what another instance has since invalidated. An
 * invalidation that failed is sent again once Redis is back, so no entry it should have removed outlives the
 * outage (unless this process ends first; the pages' own revalidate time then bounds it).
 *
 * @param {{ url: string, keyPrefix: string, log?: Pick<Console, "warn" | "info"> }} options
 */
export function createSharedRedisHandler({ url, keyPrefix, log = console }) {
  const client = new Redis(url, {
    connectTimeout: 2 * TIMEOUT_MS,
    commandTimeout: TIMEOUT_MS,
    // Fail at once while disconnected instead of queueing requests behind a reconnect.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  const missedInvalidations = new Set();
  let replay = null;
  let down = false;
  client.on("error", (error) => {
    if (down) return;
    down = true;
    log.warn(`page cache: Redis unavailable (${error.code ?? error.name}); rendering uncached until it is back`);
  });
  client.on("ready", () => {
    if (down) log.info("page cache: Redis is back");
    down = false;
  });

  const store = createRedisStringsHandler({ client: ioredisAdapter(client), keyPrefix, timeoutMs: TIMEOUT_MS });

  /** Sends the missed invalidations again every second until Redis takes them (a hang ends without "ready"). */
  function replayMissed() {
    replay ??= setTimeout(async () => {
      for (const tag of [...missedInvalidations]) {
        try {
          await store.revalidateTag(tag);
          missedInvalidations.delete(tag);
        } catch {
          break;
        }
      }
      replay = null;
      if (missedInvalidations.size > 0) replayMissed();
    }, 1_000).unref();
  }

  return {
    client,
    handler: {
      ...store,
      name: "redis",
      /** @param {string} tag */
      async revalidateTag(tag) {
        try {
          await store.revalidateTag(tag);
        } catch (error) {
          missedInvalidations.add(tag);
          replayMissed();
          throw error;
        }
      },
    },
  };
}

/**
 * Next asks the handler for an entry's lifetime (`cacheControl`) and, without one, takes an entry it did not
 * write itself as stale after a second. The library keeps the lifetime as `lifespan`: hand it back, so an
 * instance serves what another rendered for the page's whole revalidate time.
 */
class SharedCacheHandler extends CacheHandler {
  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (entry?.lifespan && entry.value?.kind !== "FETCH" && !entry.cacheControl) {
      entry.cacheControl = { revalidate: entry.lifespan.revalidate ?? false, expire: undefined };
    }
    return entry;
  }
}

SharedCacheHandler.onCreation(({ buildId }) => {
  // Keys are per build: a new release never serves pages (and their script references) rendered by the old one.
  const keyPrefix = `${process.env.REDIS_KEY_PREFIX || "storefront:"}page-cache:${buildId ?? "unbuilt"}:`;
  return { handlers: [createSharedRedisHandler({ url: process.env.REDIS_URL, keyPrefix }).handler] };
});

export default SharedCacheHandler;
