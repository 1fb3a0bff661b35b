import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/payment-records";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { afterSettle, settleWithinTransaction } from "@/lib/orders/settle";

type Outcome = "applied" | "unmatched";

export async function applyRefundWebhook(db: Database, event: Extract<CashfreeWebhookEvent, { kind: "refund" }>): Promise<Outcome> {
  if (event.refundId && (await queries.updateRefundStatus(db, event.refundId, { status: event.status, cfRefundId: event.cfRefundId, description: event.description }))) {
    return "applied";
  }
  if (!(await queries.orderExists(db, event.orderId))) return "unmatched";
  await queries.insertExternalRefund(db, {
    orderId: event.orderId,
    refundId: event.refundId ?? `cf_${event.cfRefundId}`,
    cfRefundId: event.cfRefundId,
    cfPaymentId: event.cfPaymentId,
    amountPaise: event.amountPaise,
    status: event.status,
    refundType: event.refundType ?? "MERCHANT_INITIATED",
    statusDescription: event.description,
    createdBy: "cashfree",
  });
  return "applied";
}

export async function applyDisputeWebhook(db: Database, event: Extract<CashfreeWebhookEvent, { kind: "dispute" }>): Promise<Outcome> {
  const known = await queries.orderExists(db, event.orderId);
  await queries.upsertDispute(db, {
    disputeId: event.disputeId,
    orderId: known ? event.orderId : null,
    cfPaymentId: event.cfPaymentId,
    disputeType: event.disputeType,
    reasonCode: event.reasonCode,
    reasonDescription: event.reasonDescription,
    amountPaise: event.amountPaise,
    status: event.status,
    respondBy: event.respondBy ? new Date(event.respondBy) : null,
  });
  return known ? "applied" : "unmatched";
}

/** Runs inside the webhook's transaction; a link that pays one of our orders settles it there too. */
export async function applyPaymentLinkWebhook(tx: Database, event: Extract<CashfreeWebhookEvent, { kind: "link" }>) {
  const nothingAfter = () => {};
  const link = await queries.updatePaymentLinkFromEvent(tx, event.linkId, { status: event.status, amountPaidPaise: event.amountPaidPaise, orderId: event.orderId });
  if (!link) return { outcome: "unmatched" as const, afterCommit: nothingAfter };
  // A link sent for one of our unpaid orders: its payment pays that order, through the same state machine.
  if (link.orderId && event.status === "PAID") {
    const orderId = link.orderId;
    const result = await settleWithinTransaction(tx, {
      orderId: link.orderId,
      source: "webhook",
      payments: [
        {
          cfPaymentId: `link_${event.linkId}_${event.transactionId ?? "paid"}`,
          orderId: link.orderId,
          status: "SUCCESS",
          amountPaise: event.amountPaidPaise,
          currency: link.currency,
          message: `Paid through payment link ${event.linkId}`,
          group: "payment_link",
          method: null,
          time: new Date(),
          bankReference: event.transactionId,
          error: null,
        },
      ],
    });
    return { outcome: "applied" as const, afterCommit: () => afterSettle(orderId, result) };
  }
  return { outcome: "applied" as const, afterCommit: nothingAfter };
}
