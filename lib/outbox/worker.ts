import "server-only";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/outbox";
import { afterResponse } from "@/lib/after-response";
import { whenEventLoopQuiet } from "@/lib/event-loop";
import { describeError, log, logError, withLogFields } from "@/lib/log";
import { failSpan, inSpan } from "@/lib/telemetry/spans";

import { JobDeferred } from "./deferred";

/**
 * The handler table, loaded at the first job run: the handlers are domain code (orders, webhooks, refunds,
 * settlements), which enqueues jobs and asks for a run (`kickOutbox`) through this module. A static import would
 * make every one of them import itself through the worker; domain code knows jobs by name only.
 */
const loadHandlers = async () => (await import("./handlers")).handlers;

/** After this many failed attempts a job is given up and shown to the merchant, with a Retry button. */
const MAX_ATTEMPTS = 8;
/**
 * How long a claimed job is a worker's: long enough for an SMTP send or a Cashfree call with retries. Each job is
 * claimed just before it runs, so its lease is all its own. Should a job still outlast it, another worker may take
 * the job: this worker's outcome is then refused (the lease token), and the handler must tolerate the overlap
 * (the e-mail handler's reservation does).
 */
const LEASE_SECONDS = 120;

/** Exponential back-off between attempts: 5 s, 10 s, 20 s … capped at an hour. */
function retryDelaySeconds(attempts: number) {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

type Outcome = "done" | "failed" | "deferred" | "lost";
export type RunReport = { claimed: number } & Record<Outcome, number>;

/**
 * Runs the jobs that are due, each at most once at a time across every worker (after(), the cron route, the
 * background loop, other instances). A handler must be safe to run again: a crash after its effect and before
 * `done` means the next worker runs it once more (the e-mail handler finds its delivery reserved or sent).
 */
export async function runDueJobs(
  options: { limit?: number; onlyIds?: string[]; leaseSeconds?: number } = {},
): Promise<RunReport> {
  const db = await getDb();
  const limit = options.limit ?? 20;
  const report: RunReport = { claimed: 0, done: 0, failed: 0, deferred: 0, lost: 0 };
  // One claim per job, not one for a batch: a batch's later jobs would run on a lease the earlier ones had used
  // up (twenty e-mails to a slow SMTP server outlasted 120 s, another worker took the rest, and some went twice).
  while (report.claimed < limit) {
    const [job] = await queries.claimDueJobs(db, 1, options.leaseSeconds ?? LEASE_SECONDS, options.onlyIds);
    if (!job) break;
    report.claimed++;
    report[await runJob(db, job)]++;
  }
  return report;
}

/**
 * One claimed job, in its own span, every line it logs carrying the job and its order (not the fields of the
 * webhook or action whose after() happened to start the run): done, failed for later, or deferred; or `lost` if
 * its lease ran out and another worker claimed it meanwhile, whose outcome it then is to record.
 */
function runJob(db: Database, job: queries.OutboxJobRow): Promise<Outcome> {
  const fields = { jobId: job.id, jobKind: job.kind, jobKey: job.key, attempt: job.attempts, orderId: job.orderId };
  const attributes = {
    "outbox.job.id": job.id,
    "outbox.job.kind": job.kind,
    "outbox.job.attempt": job.attempts,
    ...(job.orderId ? { "order.id": job.orderId } : {}),
  };
  const unlessLost = (finished: boolean, outcome: Outcome): Outcome => {
    if (finished) return outcome;
    log.warn({ outcome }, "outbox job's lease was taken over by another worker; its outcome is not recorded");
    return "lost";
  };
  return withLogFields(
    fields,
    () =>
      inSpan(`outbox job ${job.kind}`, { attributes }, async (span) => {
        try {
          const handler = (await loadHandlers())[job.kind];
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job);
          return unlessLost(await queries.markJobDone(db, job), "done");
        } catch (error) {
          if (error instanceof JobDeferred) {
            span.setAttribute("outbox.job.outcome", "deferred");
            return unlessLost(await queries.deferJob(db, job, error.message, error.retryInSeconds), "deferred");
          }
          const giveUp = job.attempts >= MAX_ATTEMPTS;
          failSpan(span, error);
          span.setAttribute("outbox.job.outcome", giveUp ? "given_up" : "retry");
          const finished = await queries.markJobFailed(
            db,
            job,
            describeError(error),
            giveUp ? null : retryDelaySeconds(job.attempts),
          );
          logError(giveUp ? "outbox job failed; given up" : "outbox job failed; will retry", error);
          return unlessLost(finished, "failed");
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
