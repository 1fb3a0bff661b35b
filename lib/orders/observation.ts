import "server-only";

import type * as queries from "@/db/queries/orders";
import type { CashfreePayment } from "@/lib/cashfree/schemas";

import { cashfreeVia, type CashfreeChannel } from "./actors";
import { type OrderEventInput, paymentEventType } from "./events";
import { emailJob } from "./jobs";
import { recordPaymentAttempt } from "./payment-attempts";
import { applyCommands, type CommandContext, lockOrder } from "./runner";
import { isSettled, type OfferUsed, type OrderSignal, type OrderStatus } from "./transitions";
import { orderCanBePaidAgain } from "./view";

/**
 * What Cashfree said about an order, from any entry point (the webhook, the return page, reconciliation, the
 * admin, checkout), translated into commands for the order writer. Runs inside a unit of work: `settleOrder`
 * (settle.ts) or `orders.settle` (unit-of-work.ts).
 */

/** What Cashfree told us about one order, from any entry point. */
export interface CashfreeObservation {
  orderId: string;
  source: CashfreeChannel;
  /** Cashfree's order_status (Get Order), when known. */
  orderStatus?: string;
  /** The order amount and currency at Cashfree (Get Order, or data.order of a webhook). */
  orderAmountPaise?: number;
  orderCurrency?: string;
  cfOrderId?: string;
  paymentSessionId?: string | null;
  payments: CashfreePayment[];
  /** e.g. the webhook event id, for the timeline. */
  reference?: string;
}

export interface SettleResult {
  found: boolean;
  /** Stock went back to the shelf or was taken again: cached product pages must be refreshed. */
  stockChanged?: boolean;
  /** A success that came after the order expired and its stock was sold: money taken, nothing to ship. */
  paidWithoutStock?: boolean;
  from?: OrderStatus;
  to?: OrderStatus;
  fulfilled: boolean;
}

function signalsFor(observation: CashfreeObservation, amountMatches: boolean, knownSuccess: boolean): OrderSignal[] {
  const signals: OrderSignal[] = [];
  if (observation.cfOrderId || observation.orderStatus === "ACTIVE") signals.push({ type: "cashfree_order_created" });
  if (observation.payments.some((p) => p.status !== "SUCCESS")) signals.push({ type: "payment_attempt" });
  // PAID comes from Cashfree's order_status or from a SUCCESS attempt, never from a position in a list.
  const succeeded = observation.orderStatus === "PAID" || observation.payments.some((p) => p.status === "SUCCESS");
  // A success we already applied (a duplicate webhook, a page refresh) is not news.
  const success = observation.payments.find((p) => p.status === "SUCCESS");
  if (succeeded && !knownSuccess)
    signals.push({
      type: "payment_succeeded",
      amountMatches,
      stockAvailable: true,
      cfPaymentId: success?.cfPaymentId,
      offer: success && offerRedeemed(success),
    });
  else if (observation.orderStatus === "EXPIRED") signals.push({ type: "order_expired" });
  else if (observation.orderStatus === "TERMINATED") signals.push({ type: "order_terminated" });
  return signals;
}

/**
 * The Cashfree offers redeemed on a payment (redemption_status SUCCESS), summed: what they took off the amount the
 * shopper paid. Undefined when none was.
 */
function offerRedeemed(payment: CashfreePayment): OfferUsed | undefined {
  const redeemed = payment.offers.filter((o) => o.redemptionStatus === "SUCCESS" && o.discountPaise > 0);
  if (redeemed.length === 0) return undefined;
  return {
    cfOfferId: redeemed.flatMap((o) => (o.offerId ? [o.offerId] : [])).join(",") || null,
    discountPaise: redeemed.reduce((sum, o) => sum + o.discountPaise, 0),
  };
}

function amountMatches(order: queries.OrderRow, observation: CashfreeObservation) {
  if (observation.orderAmountPaise !== undefined && observation.orderAmountPaise !== order.totalPaise) return false;
  if (observation.orderCurrency !== undefined && observation.orderCurrency !== order.currency) return false;
  const success = observation.payments.find((p) => p.status === "SUCCESS");
  if (!success) return true;
  if (success.currency !== order.currency) return false;
  const offer = offerRedeemed(success);
  // With an offer the shopper pays the order amount less its discount: together they make up the total, to the
  // paisa. Anything else the payment lacks is a shortfall for the merchant to review.
  if (offer) return success.amountPaise + offer.discountPaise === order.totalPaise;
  return success.amountPaise >= order.totalPaise;
}

/**
 * Applies what Cashfree says to our order under its row lock, in the unit's transaction: the webhook, the return
 * page and reconciliation can all call this at the same moment and the order moves, and is fulfilled, exactly once.
 */
export async function settleObservation(unit: CommandContext, observation: CashfreeObservation): Promise<SettleResult> {
  const { tx } = unit;
  const order = await lockOrder(tx, observation.orderId);
  if (!order) return { found: false, fulfilled: false };

  const events: OrderEventInput[] = [];
  const newlyFailed: string[] = [];
  let newSuccess = false;
  for (const payment of observation.payments) {
    const change = await recordPaymentAttempt(tx, order.id, payment, observation.source);
    if (payment.status === "SUCCESS" && change !== "unchanged") newSuccess = true;
    if (payment.status === "FAILED" && change !== "unchanged") newlyFailed.push(payment.cfPaymentId);
    if (change !== "unchanged") {
      events.push({
        orderId: order.id,
        type: paymentEventType(payment.status),
        source: observation.source,
        detail: {
          cfPaymentId: payment.cfPaymentId,
          amountPaise: payment.amountPaise,
          reason: payment.error?.description ?? payment.message,
          offer: offerRedeemed(payment),
          reference: observation.reference,
        },
      });
    }
  }

  const updates: Partial<queries.NewOrder> = {};
  if (observation.cfOrderId && !order.cfOrderId) updates.cfOrderId = observation.cfOrderId;
  if (observation.paymentSessionId && !order.paymentSessionId) updates.paymentSessionId = observation.paymentSessionId;
  if (observation.orderStatus) updates.cfOrderStatus = observation.orderStatus;
  // Webhooks carry no order_status, but a successful payment is what makes Cashfree's order PAID.
  else if (observation.payments.some((p) => p.status === "SUCCESS")) updates.cfOrderStatus = "PAID";
  // Only a status check counts as "checked": creating the order at checkout must not stop the return page,
  // seconds later, from asking Cashfree whether the shopper paid.
  if (observation.orderStatus && observation.source !== "checkout") updates.cfCheckedAt = new Date();

  const alreadySettled = isSettled(order.status as OrderStatus);
  const signals = signalsFor(observation, amountMatches(order, observation), alreadySettled && !newSuccess);
  unit.recordEvents(events);
  const result = await applyCommands(unit, order, signals, cashfreeVia(observation.source), {
    updates,
    // A failed attempt: tell the shopper, with the way to pay again (once per attempt), but only if the order can
    // still be paid once this answer is applied. The same answer may hold the success that paid it ([FAILED,
    // SUCCESS]), or come after the order expired or was cancelled.
    outcomeJobs: (after) =>
      orderCanBePaidAgain(after) ? newlyFailed.map((id) => emailJob(order.id, "payment_failed", id)) : [],
    detail: { reference: observation.reference },
  });
  return {
    found: true,
    from: result.from,
    to: result.to,
    fulfilled: result.fulfilled,
    paidWithoutStock: result.paidWithoutStock,
    stockChanged: result.stockChanged,
  };
}
