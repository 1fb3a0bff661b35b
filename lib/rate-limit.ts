import "server-only";

import { getDb } from "@/db";
import { countRequest } from "@/db/queries/rate-limits";

export interface Limit {
  /** e.g. `find-order:addr:203.0.113.7` */
  key: string;
  max: number;
  windowSeconds: number;
}

/** True when every limit still has room; each is counted either way (a refused request counts too). */
export async function withinLimits(limits: Limit[]) {
  const db = await getDb();
  const counts = await Promise.all(limits.map((limit) => countRequest(db, limit.key, limit.windowSeconds)));
  return counts.every((count, i) => count <= limits[i]!.max);
}
