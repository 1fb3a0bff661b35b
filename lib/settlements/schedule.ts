import "server-only";

import { getDb } from "@/db";
import { enqueueJobs } from "@/db/queries/outbox";
import { indiaDay } from "@/lib/india-day";

export const SETTLEMENT_PULL_JOB = "settlement_pull";

let scheduledFor: string | null = null;
let notBeforeMs = 0;

/**
 * The daily pull without a cron (`next start`, `npm run dev`): the background loop leaves one outbox job per
 * India day, keyed by the day, so any number of instances add it once and one of them runs it (with retries).
 * Vercel calls /api/cron/settlements instead; both are the same idempotent pull.
 */
export async function scheduleDailySettlementPull(nowMs = Date.now()) {
  const day = indiaDay(nowMs);
  if (scheduledFor === day || nowMs < notBeforeMs) return;
  // A database that is down is asked again in a minute, not on every tick of the loop.
  notBeforeMs = nowMs + 60_000;
  await enqueueJobs(await getDb(), [
    { kind: SETTLEMENT_PULL_JOB, key: `${SETTLEMENT_PULL_JOB}:${day}`, orderId: null, payload: { day } },
  ]);
  scheduledFor = day;
}
