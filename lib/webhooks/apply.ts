import "server-only";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/webhooks";
import { type CashfreeWebhookEvent, parseWebhook } from "@/lib/cashfree/webhook-events";
import { withLogFields } from "@/lib/log";
import { markConnectionUnlinked } from "@/lib/merchant-account/connect";
import { type OrderChanges, withOrders } from "@/lib/orders/unit-of-work";
import { applySettlementWebhook } from "@/lib/settlements/import";
import { applyDisputeWebhook, applyPaymentLinkWebhook, applyRefundWebhook } from "@/lib/webhooks/records";

import { APPLY_WEBHOOK_JOB, type WebhookChannel } from "./apply-job";
import { rememberStored, wasStored } from "./stored-events";

/**
 * When that job falls due: well after the apply that follows the response normally finishes (a burst of a few
 * hundred events included), so a worker takes it only after a crash, a failure, or an overflowing queue.
 */
const APPLY_JOB_DELAY_SECONDS = 30;

export type ApplyOutcome = "applied" | "unmatched" | "ignored";

/** What applying an event did; `note`: why an event was not applied, recorded with its outcome. */
interface Applied {
  outcome: ApplyOutcome;
  note?: string;
}

/** Dispatches a verified, stored event to the module that owns its state, inside the caller's unit of work. */
async function applyCashfreeEvent(
  orders: OrderChanges,
  event: CashfreeWebhookEvent,
  reference: string,
): Promise<Applied> {
  switch (event.kind) {
    case "payment": {
      const result = await orders.settle({
        orderId: event.orderId,
        source: "webhook",
        orderAmountPaise: event.orderAmountPaise,
        orderCurrency: event.orderCurrency,
        payments: [event.payment],
        reference,
      });
      return { outcome: result.found ? "applied" : "unmatched" };
    }
    case "refund":
      return { outcome: await applyRefundWebhook(orders, event) };
    case "link":
      return { outcome: await applyPaymentLinkWebhook(orders, event) };
    case "dispute":
      return { outcome: await applyDisputeWebhook(orders.tx, event, reference) };
    case "merchant":
      return markConnectionUnlinked(orders.tx, event);
    case "settlement": {
      const outcome = await applySettlementWebhook(orders.tx, event);
      // A settlement without its lines leaves a recon job in the outbox: start it after the commit.
      orders.after("run_outbox");
      return { outcome };
    }
    case "unknown":
      return { outcome: "ignored" };
  }
}

/**
 * Claims a stored event and applies it in one unit of work, so the claim never outlives the work: a crash or an
 * error mid-way rolls both back, the event is marked failed, and its apply job runs it again later. With the
 * event's outcome on its row, its apply job is marked done, committed together, so the job runs again exactly
 * when the apply did not commit. After the commit, the unit runs what waits for it (page refreshes, the outbox).
 * Null when the event is locked by another apply, or settled already; `replay` (the admin's button) also takes
 * events that were applied, unmatched or ignored before.
 */
export async function claimAndApply(
  db: Database,
  eventId: string,
  event: CashfreeWebhookEvent,
  options: { replay?: boolean } = {},
): Promise<ApplyOutcome | null> {
  try {
    return await withOrders(db, async (orders) => {
      if (!(await queries.claimWebhookEvent(orders.tx, eventId, options))) return null;
      return withLogFields({ webhookEventId: eventId }, async () => {
        const { outcome, note } = await applyCashfreeEvent(orders, event, eventId);
        await queries.setWebhookOutcome(orders.tx, eventId, outcome, APPLY_WEBHOOK_JOB, note);
        return outcome;
      });
    });
  } catch (error) {
    await queries.markWebhookFailed(db, eventId, errorMessage(error)).catch(() => undefined);
    throw error;
  }
}

/**
 * A verified delivery, stored with the job that applies it in one statement (one round trip, one commit), which is
 * all the answer to Cashfree needs: after it the event is durable and will be applied even if this process dies.
 * Returns the event's id, or null for a duplicate (known to this process, or found by the insert). A database
 * that cannot store it throws: the route answers 503 and Cashfree resends.
 */
export async function storeWebhookEvent(db: Database, record: queries.NewWebhookEvent, channel: WebhookChannel) {
  const keys = [record.dedupeKey ?? null, record.idempotencyKey ?? null];
  if (wasStored(...keys)) return null;
  const stored = await queries.storeWebhookEvent(db, record, {
    kind: APPLY_WEBHOOK_JOB,
    payload: { channel },
    dueInSeconds: APPLY_JOB_DELAY_SECONDS,
  });
  rememberStored(...keys);
  return stored?.eventId ?? null;
}

/** Reads a stored event's body as the endpoint that received it did. */
function parseStoredEvent(rawBody: string, channel: WebhookChannel) {
  return parseWebhook(channel, JSON.parse(rawBody), rawBody);
}

/**
 * The apply job's handler (a worker, after a crash or a failure): applies the event unless it is settled. An event
 * another apply holds right now is not settled yet (that apply may still roll back): the job fails, to look again.
 */
export async function applyStoredWebhook(eventId: string, channel: WebhookChannel) {
  const db = await getDb();
  const row = await queries.getWebhookEvent(db, eventId);
  if (!row || !queries.CLAIMABLE_OUTCOMES.includes(row.outcome)) return;
  if (!(await claimAndApply(db, row.id, parseStoredEvent(row.rawBody, channel)))) {
    throw new Error("the event is being applied by another worker; will look again");
  }
}

/**
 * The admin's Replay: applies a stored event again, read as the endpoint that received it did (its apply job
 * knows which; events stored before apply jobs were all read as PG events). Null when another apply holds it.
 */
export async function replayStoredWebhook(db: Database, row: queries.WebhookEventRow) {
  const job = await queries.findApplyJobPayload(db, APPLY_WEBHOOK_JOB, row.id);
  const channel = (job?.channel as WebhookChannel | undefined) ?? "pg";
  return claimAndApply(db, row.id, parseStoredEvent(row.rawBody, channel), { replay: true });
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
