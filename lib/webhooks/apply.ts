import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/webhooks";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { withLogFields } from "@/lib/log";
import { markConnectionUnlinked } from "@/lib/merchant-account/connect";
import { afterSettle, settleWithinTransaction } from "@/lib/orders/settle";
import { kickOutbox } from "@/lib/outbox/worker";
import { applySettlementWebhook } from "@/lib/settlements/import";
import { applyDisputeWebhook, applyPaymentLinkWebhook, applyRefundWebhook } from "@/lib/webhooks/records";

import { rememberSettled, wasSettled } from "./settled-events";

type ApplyOutcome = "applied" | "unmatched" | "ignored";

/** What applying an event did, and the work that must wait until it is committed. */
interface Applied {
  outcome: ApplyOutcome;
  afterCommit: () => void;
}

const nothingAfter = () => {};

/** Dispatches a verified, stored event to the module that owns its state, inside the caller's transaction. */
async function applyCashfreeEvent(tx: Database, event: CashfreeWebhookEvent, reference: string): Promise<Applied> {
  switch (event.kind) {
    case "payment": {
      const result = await settleWithinTransaction(tx, {
        orderId: event.orderId,
        source: "webhook",
        orderAmountPaise: event.orderAmountPaise,
        orderCurrency: event.orderCurrency,
        payments: [event.payment],
        reference,
      });
      return { outcome: result.found ? "applied" : "unmatched", afterCommit: () => afterSettle(result) };
    }
    case "refund":
      // A completed refund leaves an e-mail in the outbox: start it after the commit.
      return { outcome: await applyRefundWebhook(tx, event), afterCommit: kickOutbox };
    case "link":
      return applyPaymentLinkWebhook(tx, event);
    case "dispute":
      return { outcome: await applyDisputeWebhook(tx, event, reference), afterCommit: nothingAfter };
    case "merchant":
      return { outcome: await markConnectionUnlinked(tx, event.merchantId), afterCommit: nothingAfter };
    case "settlement":
      // A settlement without its lines leaves a recon job in the outbox: start it after the commit.
      return { outcome: await applySettlementWebhook(tx, event), afterCommit: kickOutbox };
    case "unknown":
      return { outcome: "ignored", afterCommit: nothingAfter };
  }
}

/** The applying transaction's body for one claimed event: dispatch, then its outcome on the event's row. */
function applyClaimed(tx: Database, eventId: string, event: CashfreeWebhookEvent) {
  return withLogFields({ webhookEventId: eventId }, async () => {
    const result = await applyCashfreeEvent(tx, event, eventId);
    await queries.setWebhookOutcome(tx, eventId, result.outcome);
    return result;
  });
}

/**
 * Claims a stored event and applies it in one transaction, so the claim never outlives the work: a crash or an
 * error mid-way rolls both back and the event stays claimable for Cashfree's retry. A delivery that finds the
 * event locked by another, or already applied, gets null (a duplicate). `replay` (the admin's button) also takes
 * events that were applied, unmatched or ignored before.
 */
export async function claimAndApply(
  db: Database,
  eventId: string,
  event: CashfreeWebhookEvent,
  options: { replay?: boolean } = {},
) {
  try {
    const applied = await db.transaction(async (tx) => {
      if (!(await queries.claimWebhookEvent(tx, eventId, options))) return null;
      return applyClaimed(tx, eventId, event);
    });
    applied?.afterCommit();
    return applied?.outcome ?? null;
  } catch (error) {
    await queries.markWebhookFailed(db, eventId, errorMessage(error)).catch(() => undefined);
    throw error;
  }
}

/**
 * A verified delivery, stored and applied with as few round trips as correctness allows:
 * - an event seen before and settled is a duplicate after one indexed read, with no transaction;
 * - a new event is stored, claimed and applied in one transaction (one commit): nothing is acknowledged before
 *   that commit, so a crash mid-way loses nothing (Cashfree retries what it did not see answered);
 * - an apply that fails rolls back, and the event is then stored as failed, with its error, for the retry and the
 *   admin's replay; so is an event stored earlier that is still claimable (received, or failed before).
 * Returns the outcome, or null for a duplicate.
 */
/** The event could not be stored at all (the database is down): nothing of it is kept, Cashfree must resend. */
export class WebhookNotStored extends Error {
  constructor(readonly cause: unknown) {
    super("the webhook event could not be stored");
  }
}

export async function storeAndApply(db: Database, record: queries.NewWebhookEvent, event: CashfreeWebhookEvent) {
  const keys: queries.WebhookKeys = { idempotencyKey: record.idempotencyKey ?? null, dedupeKey: record.dedupeKey! };
  if (wasSettled(keys)) return null;
  const seen = await queries.findWebhookOutcome(db, keys).catch((error: unknown) => {
    throw new WebhookNotStored(error);
  });
  if (seen && !queries.CLAIMABLE_OUTCOMES.includes(seen.outcome)) {
    rememberSettled(keys);
    return null;
  }
  const outcome = seen ? await claimAndApply(db, seen.id, event) : await storeClaimAndApply(db, record, keys, event);
  // Only what this delivery committed is known to be settled: a null may be a concurrent delivery's claim, which
  // can still fail and leave the event for Cashfree's retry.
  if (outcome) rememberSettled(keys);
  return outcome;
}

async function storeClaimAndApply(
  db: Database,
  record: queries.NewWebhookEvent,
  keys: queries.WebhookKeys,
  event: CashfreeWebhookEvent,
) {
  try {
    const applied = await db.transaction(async (tx) => {
      const stored = await queries.insertClaimedWebhookEvent(tx, record);
      if (stored) return applyClaimed(tx, stored.id, event);
      // A concurrent delivery stored it first (this insert waited for its commit): claimable only if it failed.
      const other = await queries.findWebhookOutcome(tx, keys);
      if (!other || !(await queries.claimWebhookEvent(tx, other.id))) return null;
      return applyClaimed(tx, other.id, event);
    });
    applied?.afterCommit();
    return applied?.outcome ?? null;
  } catch (error) {
    if (!(await keepFailedEvent(db, record, keys, errorMessage(error)))) throw new WebhookNotStored(error);
    throw error;
  }
}

/** After a rolled-back first attempt: the event is kept, as failed, with its error. False when it could not be. */
async function keepFailedEvent(
  db: Database,
  record: queries.NewWebhookEvent,
  keys: queries.WebhookKeys,
  lastError: string,
) {
  try {
    const stored = await queries.insertWebhookEvent(db, { ...record, outcome: "failed", attempts: 1, lastError });
    if (stored) return true;
    const existing = await queries.findWebhookOutcome(db, keys);
    if (existing) await queries.markWebhookFailed(db, existing.id, lastError);
    return true;
  } catch {
    return false;
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
