// Types for lib/cache-handler.mjs (plain JavaScript, because Next imports it itself), for its tests.
import type { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import type { Redis } from "ioredis";

/** An entry as the library stores it: Next's value with its tags and when it was written. */
export interface StoredEntry {
  lastModified: number;
  lifespan: { expireAt: number; revalidate?: number | false } | null;
  tags: readonly string[];
  value: unknown;
}

/** The library's handler interface: what each instance uses to reach the shared store. */
export interface SharedStore {
  name: string;
  get(key: string, meta: { implicitTags: string[] }): Promise<StoredEntry | null>;
  set(key: string, entry: StoredEntry): Promise<void>;
  revalidateTag(tag: string): Promise<void>;
}

export declare function createSharedRedisHandler(options: {
  url: string;
  keyPrefix: string;
  log?: Pick<Console, "warn" | "info">;
}): { client: Redis; handler: SharedStore };

declare const SharedCacheHandler: typeof CacheHandler;
export default SharedCacheHandler;
