import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { rateLimits } from "../schema";

/** Counts one request in `key`'s current window (one statement, so parallel requests cannot undercount). */
export async function countRequest(db: Database, key: string, windowSeconds: number) {
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}
