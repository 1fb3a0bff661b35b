import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/payment-records";
import { cashfreeTime } from "@/lib/cashfree/schemas";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { recordDisputeReport } from "@/lib/disputes/record";
import { cashfreeVia } from "@/lib/orders/actors";
import { refundEventType } from "@/lib/orders/events";
import { emailJob } from "@/lib/orders/jobs";
import type { OrderCommand } from "@/lib/orders/transitions";
import type { OrderChanges } from "@/lib/orders/unit-of-work";

type Outcome = "applied" | "unmatched";

/**
 * A refund's progress. Its order is locked first (as the refund form does), then the refund; a refund that ends
 * FAILED or CANCELLED gives its amount back to the order's refundable balance, through the order writer.
 */
export async function applyRefundWebhook(
  orders: OrderChanges,
  event: Extract<CashfreeWebhookEvent, { kind: "refund" }>,
): Promise<Outcome> {
  const { tx } = orders;
  const known = event.refundId ? await queries.getRefund(tx, event.refundId) : undefined;
  const order = await orders.lock(known?.orderId ?? event.orderId);
  if (!order) return "unmatched";
  const actor = cashfreeVia("webhook");
  const refund = known ? await queries.getRefund(tx, known.refundId, { lock: true }) : undefined;
  if (refund) {
    if (queries.FINAL_REFUND_STATUSES.includes(refund.status) || refund.status === event.status) return "applied";
    await queries.setRefundStatus(tx, refund.refundId, {
      status: event.status,
      cfRefundId: event.cfRefundId,
      description: event.description,
    });
    const detail = { refundId: refund.refundId, amountPaise: refund.amountPaise };
    const failed = event.status === "CANCELLED" || event.status === "FAILED";
    const succeeded = event.status === "SUCCESS";
    const commands: OrderCommand[] = failed
      ? [{ type: "refund_failed", amountPaise: refund.amountPaise }]
      : succeeded
        ? [{ type: "refund_succeeded", refundId: refund.refundId, amountPaise: refund.amountPaise }]
        : [];
    if (!failed && !succeeded)
      orders.recordEvents([{ orderId: order.id, type: refundEventType(event.status), source: "webhook", detail }]);
    if (succeeded)
      orders.enqueue([emailJob(order.id, "refund_completed", refund.refundId, { refundId: refund.refundId })]);
    await orders.apply(order, commands, actor, { detail });
    return "applied";
  }
  // A refund Cashfree made without us (auto-refund of a duplicate payment, or one issued from the dashboard).
  const refundId = event.refundId ?? `cf_${event.cfRefundId}`;
  const refundType = event.refundType ?? "MERCHANT_INITIATED";
  const isNew = await queries.insertRefundIfNew(tx, {
    orderId: order.id,
    refundId,
    cfRefundId: event.cfRefundId,
    cfPaymentId: event.cfPaymentId,
    amountPaise: event.amountPaise,
    status: event.status,
    refundType,
    statusDescription: event.description,
    createdBy: "cashfree",
  });
  if (!isNew) return "applied";
  const detail = { refundId, amountPaise: event.amountPaise, refundType, status: event.status };
  // Only a merchant refund comes out of the order's balance; an auto-refund returns a second payment.
  const commands: OrderCommand[] =
    refundType === "MERCHANT_INITIATED" ? [{ type: "refund_recorded", amountPaise: event.amountPaise }] : [];
  if (commands.length && event.status === "SUCCESS")
    commands.push({ type: "refund_succeeded", refundId, amountPaise: event.amountPaise });
  if (commands.length === 0)
    orders.recordEvents([{ orderId: order.id, type: "refund_recorded", source: "webhook", detail }]);
  await orders.apply(order, commands, actor, { detail });
  return "applied";
}

/**
 * A dispute's news: its state if not older than ours, and always a history line (once per event). A dispute for
 * an order we do not have is kept (no order, Cashfree's order id) and answered "unmatched", so the event shows in
 * "needs attention" while the dispute itself is listed on the Disputes page.
 */
export async function applyDisputeWebhook(
  tx: Database,
  event: Extract<CashfreeWebhookEvent, { kind: "dispute" }>,
  webhookEventId: string,
): Promise<Outcome> {
  const { orderId } = await recordDisputeReport(
    tx,
    {
      disputeId: event.disputeId,
      cfOrderId: event.orderId,
      cfPaymentId: event.cfPaymentId,
      disputeType: event.disputeType,
      reasonCode: event.reasonCode,
      reasonDescription: event.reasonDescription,
      amountPaise: event.amountPaise,
      currency: event.currency,
      status: event.status,
      actionOn: event.actionOn,
      remarks: event.remarks,
      respondBy: cashfreeTime(event.respondBy),
      resolvedAt: event.resolvedAt,
      changedAt: event.changedAt,
    },
    { kind: "webhook", actor: "cashfree", note: event.remarks ?? event.update, webhookEventId },
  );
  return orderId ? "applied" : "unmatched";
}

/** Runs inside the webhook's unit of work; a link that pays one of our orders settles it there too. */
export async function applyPaymentLinkWebhook(
  orders: OrderChanges,
  event: Extract<CashfreeWebhookEvent, { kind: "link" }>,
): Promise<Outcome> {
  const link = await queries.updatePaymentLinkFromEvent(orders.tx, event.linkId, {
    status: event.status,
    amountPaidPaise: event.amountPaidPaise,
    orderId: event.orderId,
  });
  if (!link) return "unmatched";
  // A link sent for one of our unpaid orders: its payment pays that order, through the same state machine.
  if (link.orderId && event.status === "PAID") {
    await orders.settle({
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
          offers: [],
        },
      ],
    });
  }
  return "applied";
}
