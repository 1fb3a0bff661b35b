import { lt } from "drizzle-orm";

import type { Database } from "../client";
import { rateLimiterCounters } from "../schema";

/** Drops the counters whose window (or cool-down) ended before `before`: they count nothing any more. */
export async function deleteExpiredCounters(db: Database, before: Date) {
  await db.delete(rateLimiterCounters).where(lt(rateLimiterCounters.expire, before));
}
