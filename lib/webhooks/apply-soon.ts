import "server-only";

import { AsyncResource } from "node:async_hooks";

import { getDb } from "@/db";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { whenEventLoopQuiet } from "@/lib/event-loop";
import { type LogFields, logError, withLogFields } from "@/lib/log";

import { type ApplyOutcome, claimAndApply } from "./apply";

/**
 * Stored events are applied right after their responses, one at a time per process, each once the server is not
 * busy answering (or `MAX_DEFER_MS` after it was queued, whichever comes first): a burst of deliveries is answered
 * at full speed and applied as it ebbs, and applying never takes more than one event's worth of the server from
 * answering. Each event's outbox job is the backstop: a crash, a failed apply, or a queue over `MAX_QUEUED`
 * (whose events are left to that job) all end with a worker applying it.
 *
 * Each event is applied in the async context of the request that received it (`inRequest`), not of whichever
 * request's response started the drain: what follows its commit (revalidating product pages) belongs to that
 * request, whose after() is still waiting for this apply, and would be lost in a request that has finished.
 */
const MAX_QUEUED = 1_000;
const MAX_DEFER_MS = 2_000;
const SAMPLE_MS = 20;

interface Queued {
  queuedAt: number;
  eventId: string;
  event: CashfreeWebhookEvent;
  fields: LogFields;
  inRequest: <T>(run: () => T) => T;
  settle: (outcome: ApplyOutcome | null) => void;
}

const queue: Queued[] = [];
let draining: Promise<void> | null = null;

/**
 * Queues a stored event for applying; resolves with its outcome once applied and its after-commit work done
 * (null: it was not applied here, because another apply had it, it failed, or the queue was full).
 */
export function applySoon(eventId: string, event: CashfreeWebhookEvent, fields: LogFields) {
  if (queue.length >= MAX_QUEUED) return Promise.resolve(null);
  const inRequest = AsyncResource.bind(<T>(run: () => T) => run());
  const applied = new Promise<ApplyOutcome | null>((settle) =>
    queue.push({ queuedAt: Date.now(), eventId, event, fields, inRequest, settle }),
  );
  draining ??= drain();
  return applied;
}

async function drain() {
  try {
    const db = await getDb();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { queuedAt, eventId, event, fields, inRequest, settle } = next;
      await whenEventLoopQuiet({ sampleMs: SAMPLE_MS, maxWaitMs: queuedAt + MAX_DEFER_MS - Date.now() });
      // Each line carries its own event's fields, not those of the request whose response started the drain.
      const applied = await inRequest(() =>
        withLogFields({ ...fields, webhookEventId: eventId }, () => claimAndApply(db, eventId, event), {
          replace: true,
        }),
      ).catch((error: unknown) => {
        logError("webhook failed to apply; its outbox job will retry", error);
        return null;
      });
      settle(applied);
    }
  } catch (error) {
    // No database at all: every queued event is left to its job.
    logError("webhook apply queue", error);
    for (let next = queue.shift(); next; next = queue.shift()) next.settle(null);
  } finally {
    draining = null;
  }
}

/** Resolves once every event queued in this process has been applied or left to its job (tests, shutdown). */
export async function webhooksApplied() {
  while (draining) await draining;
}
