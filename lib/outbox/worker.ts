import "server-only";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/outbox";
import { afterResponse } from "@/lib/after-response";
import { whenEventLoopQuiet } from "@/lib/event-loop";
import { describeError, logError, withLogFields } from "@/lib/log";
import { failSpan, inSpan } from "@/lib/telemetry/spans";

import { handlers } from "./handlers";

/** After this many failed attempts a job is given up and shown to the merchant, with a Retry button. */
const MAX_ATTEMPTS = 8;
/** How long a claimed job is a worker's: long enough for an SMTP send or a Cashfree call with retries. */
const LEASE_SECONDS = 120;

/** Exponential back-off between attempts: 5 s, 10 s, 20 s … capped at an hour. */
function retryDelaySeconds(attempts: number) {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

export interface RunReport {
  claimed: number;
  done: number;
  failed: number;
}

/**
 * Runs the jobs that are due, each at most once at a time across every worker (after(), the cron route, the
 * background loop, other instances). A handler must be safe to run again: a crash after its effect and before
 * `done` means the next worker runs it once more (the e-mail handler checks its delivery log first).
 */
export async function runDueJobs(options: { limit?: number; onlyIds?: string[] } = {}): Promise<RunReport> {
  const db = await getDb();
  const jobs = await queries.claimDueJobs(db, options.limit ?? 20, LEASE_SECONDS, options.onlyIds);
  const report: RunReport = { claimed: jobs.length, done: 0, failed: 0 };
  for (const job of jobs) {
    if (await runJob(db, job)) report.done++;
    else report.failed++;
  }
  return report;
}

/**
 * One claimed job, in its own span, every line it logs carrying the job and its order (not the fields of the
 * webhook or action whose after() happened to start the run): done, or failed for later.
 */
function runJob(db: Database, job: queries.OutboxJobRow): Promise<boolean> {
  const fields = { jobId: job.id, jobKind: job.kind, jobKey: job.key, attempt: job.attempts, orderId: job.orderId };
  const attributes = {
    "outbox.job.id": job.id,
    "outbox.job.kind": job.kind,
    "outbox.job.attempt": job.attempts,
    ...(job.orderId ? { "order.id": job.orderId } : {}),
  };
  return withLogFields(
    fields,
    () =>
      inSpan(`outbox job ${job.kind}`, { attributes }, async (span) => {
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job);
          await queries.markJobDone(db, job.id);
          return true;
        } catch (error) {
          const giveUp = job.attempts >= MAX_ATTEMPTS;
          failSpan(span, error);
          span.setAttribute("outbox.job.outcome", giveUp ? "given_up" : "retry");
          await queries.markJobFailed(
            db,
            job.id,
            describeError(error),
            giveUp ? null : retryDelaySeconds(job.attempts),
          );
          logError(giveUp ? "outbox job failed; given up" : "outbox job failed; will retry", error);
          return false;
        }
      }),
    { replace: true },
  );
}

/**
 * Background work yields to requests: a run waits while the event loop is busy (a burst of webhooks or
 * checkouts), so e-mails never slow a webhook down; it starts once the server has breathing room, or after
 * `MAX_WAIT_MS` regardless. Requests that arrive meanwhile join the same pending run.
 */
const SAMPLE_MS = 200;
const MAX_WAIT_MS = 15_000;
let pendingRun: Promise<unknown> | null = null;

const whenIdle = () => whenEventLoopQuiet({ sampleMs: SAMPLE_MS, maxWaitMs: MAX_WAIT_MS });

function runWhenIdle() {
  pendingRun ??= track(
    whenIdle()
      .then(() => {
        pendingRun = null;
        return runDueJobs();
      })
      .catch((error: unknown) => {
        pendingRun = null;
        logError("outbox run", error);
      }),
  );
  return pendingRun;
}

/**
 * Runs due jobs soon: after the response inside a request (a webhook answers first), else now, in both cases once
 * the server is not busy. Never throws; whatever it does not finish, the loop or the cron route will.
 */
export function kickOutbox() {
  void afterResponse(runWhenIdle);
}

/** The background loop's tick: the same idle-gated run. */
export const runDueJobsWhenIdle = runWhenIdle;

const inflight = new Set<Promise<unknown>>();

function track<T>(run: Promise<T>) {
  inflight.add(run);
  void run.finally(() => inflight.delete(run));
  return run;
}

/** Resolves once the runs this process started have finished (tests; a graceful shutdown). */
export async function outboxIdle() {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}
