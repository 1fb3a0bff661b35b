import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/webhooks";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { markConnectionUnlinked } from "@/lib/merchant-account/connect";
import { afterSettle, settleWithinTransaction } from "@/lib/orders/settle";
import { kickOutbox } from "@/lib/outbox/worker";
import { applySettlementWebhook } from "@/lib/settlements/import";
import { applyDisputeWebhook, applyPaymentLinkWebhook, applyRefundWebhook } from "@/lib/webhooks/records";

type ApplyOutcome = "applied" | "unmatched" | "ignored";

/** What applying an event did, and the work that must wait until it is committed. */
export interface Applied {
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
      const result = await applyCashfreeEvent(tx, event, eventId);
      await queries.setWebhookOutcome(tx, eventId, result.outcome);
      return result;
    });
    applied?.afterCommit();
    return applied?.outcome ?? null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await queries.markWebhookFailed(db, eventId, message).catch(() => undefined);
    throw error;
  }
}
