import "server-only";

import { logError } from "@/lib/log";
import { scheduleDailySettlementPull } from "@/lib/settlements/schedule";

import { runDueJobsWhenIdle } from "./worker";

const INTERVAL_MS = 2_000;

/**
 * The background worker of `npm run dev` and `next start`: every two seconds, the due jobs (retries after an SMTP
 * or Cashfree outage, jobs a crashed process left). Instances run it side by side; SKIP LOCKED keeps each job to
 * one of them. Off on Vercel, where the cron route and after() do this.
 */
export function startOutboxLoop() {
  const globalLoop = globalThis as unknown as { storefrontOutboxLoop?: NodeJS.Timeout };
  if (globalLoop.storefrontOutboxLoop) return;
  let running = false;
  globalLoop.storefrontOutboxLoop = setInterval(() => {
    if (running) return;
    running = true;
    scheduleDailySettlementPull()
      .catch((error: unknown) => logError("settlement pull schedule", error))
      .then(() => runDueJobsWhenIdle())
      .catch((error: unknown) => logError("outbox loop", error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  globalLoop.storefrontOutboxLoop.unref();
}
