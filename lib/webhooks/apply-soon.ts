import "server-only";

import { getDb } from "@/db";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { whenEventLoopQuiet } from "@/lib/event-loop";
import { type LogFields, logError, withLogFields } from "@/lib/log";

import { type Applied, claimAndApplyDeferred } from "./apply";

/**
 * Stored events are applied right after their responses, one at a time per process, each once the server is not
 * busy answering (or `MAX_DEFER_MS` after it was queued, whichever comes first): a burst of deliveries is answered
 * at full speed and applied as it ebbs, and applying never takes more than one event's worth of the server from
 * answering. Each event's outbox job is the backstop: a crash, a failed apply, or a queue over `MAX_QUEUED`
 * (whose events are left to that job) all end with a worker applying it.
 */
const MAX_QUEUED = 1_000;
const MAX_DEFER_MS = 2_000;
const SAMPLE_MS = 20;

interface Queued {
  queuedAt: number;
  eventId: string;
  event: CashfreeWebhookEvent;
  fields: LogFields;
  settle: (applied: Applied | null) => void;
}

const queue: Queued[] = [];
let draining: Promise<void> | null = null;

/**
 * Queues a stored event for applying; resolves with what the apply did (null: it was not applied here, because
 * another apply had it, it failed, or the queue was full). The caller runs its after-commit work.
 */
export function applySoon(eventId: string, event: CashfreeWebhookEvent, fields: LogFields): Promise<Applied | null> {
  if (queue.length >= MAX_QUEUED) return Promise.resolve(null);
  const applied = new Promise<Applied | null>((settle) =>
    queue.push({ queuedAt: Date.now(), eventId, event, fields, settle }),
  );
  draining ??= drain();
  return applied;
}

async function drain() {
  try {
    const db = await getDb();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { queuedAt, eventId, event, fields, settle } = next;
      await whenEventLoopQuiet({ sampleMs: SAMPLE_MS, maxWaitMs: queuedAt + MAX_DEFER_MS - Date.now() });
      // Each line carries its own event's fields, not those of the request whose response started the drain.
      const applied = await withLogFields(
        { ...fields, webhookEventId: eventId },
        () => claimAndApplyDeferred(db, eventId, event),
        { replace: true },
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
