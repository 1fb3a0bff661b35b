import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/orders";
import type { CashfreePayment } from "@/lib/cashfree/schemas";
import { productPagesChanged } from "@/lib/products";

import { recordPaymentAttempt } from "./payment-attempts";
import { scheduleLatePaymentRefund } from "./late-payments";
import { applyStockEffects } from "./stock";
import { decide, type OrderSignal, type OrderStatus } from "./transitions";

export type SettleSource = "checkout" | "webhook" | "return_page" | "reconcile" | "admin";

/** What Cashfree told us about one order, from any entry point. */
export interface CashfreeObservation {
  orderId: string;
  source: SettleSource;
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
  if (succeeded && !knownSuccess) signals.push({ type: "payment_succeeded", amountMatches, stockAvailable: true });
  else if (observation.orderStatus === "EXPIRED") signals.push({ type: "order_expired" });
  else if (observation.orderStatus === "TERMINATED") signals.push({ type: "order_terminated" });
  return signals;
}

function amountMatches(order: queries.OrderRow, observation: CashfreeObservation) {
  if (observation.orderAmountPaise !== undefined && observation.orderAmountPaise !== order.totalPaise) return false;
  if (observation.orderCurrency !== undefined && observation.orderCurrency !== order.currency) return false;
  const success = observation.payments.find((p) => p.status === "SUCCESS");
  return !success || (success.currency === order.currency && success.amountPaise >= order.totalPaise);
}

/**
 * Applies what Cashfree says to our order in one short transaction, under a row lock on the order: the webhook,
 * the return page and reconciliation can all call this at the same moment and the order moves, and is
 * fulfilled, exactly once.
 */
export async function settleOrder(db: Database, observation: CashfreeObservation): Promise<SettleResult> {
  const result = await db.transaction((tx) => settleWithinTransaction(tx, observation));
  afterSettle(observation.orderId, result);
  return result;
}

/**
 * The work that must wait for the commit, for every caller alike (webhook, return page, reconcile, admin, payment
 * links): refreshing cached product pages, and the late-payment refund.
 */
export function afterSettle(orderId: string, result: SettleResult) {
  if (result.stockChanged) productPagesChanged();
  if (result.paidWithoutStock) scheduleLatePaymentRefund(orderId);
}

/** settleOrder's body, for a caller that commits it together with its own writes; it then calls afterSettle. */
export async function settleWithinTransaction(tx: Database, observation: CashfreeObservation): Promise<SettleResult> {
  const order = await queries.getOrderForUpdate(tx, observation.orderId);
  if (!order) return { found: false, fulfilled: false };

  const events: queries.NewOrderEvent[] = [];
  let newSuccess = false;
  for (const payment of observation.payments) {
    const change = await recordPaymentAttempt(tx, order.id, payment, observation.source);
    if (payment.status === "SUCCESS" && change !== "unchanged") newSuccess = true;
    if (change !== "unchanged") {
      events.push({
        orderId: order.id,
        type: `payment_${payment.status.toLowerCase()}`,
        source: observation.source,
        detail: { cfPaymentId: payment.cfPaymentId, amountPaise: payment.amountPaise, reason: payment.error?.description ?? payment.message, reference: observation.reference },
      });
    }
  }

  const matches = amountMatches(order, observation);
  let status = order.status as OrderStatus;
  let stockState = order.stockState;
  let fulfilled = false;
  let paidWithoutStock = false;
  let stockChanged = false;
  const updates: Partial<queries.NewOrder> = {};
  if (observation.cfOrderId && !order.cfOrderId) updates.cfOrderId = observation.cfOrderId;
  if (observation.paymentSessionId && !order.paymentSessionId) updates.paymentSessionId = observation.paymentSessionId;
  if (observation.orderStatus) updates.cfOrderStatus = observation.orderStatus;
  // Webhooks carry no order_status, but a successful payment is what makes Cashfree's order PAID.
  else if (observation.payments.some((p) => p.status === "SUCCESS")) updates.cfOrderStatus = "PAID";

  const alreadySettled = order.status === "paid" || order.status === "needs_review";
  const signals = signalsFor(observation, matches, alreadySettled && !newSuccess);
  for (const signal of signals) {
    if (signal.type === "payment_succeeded" && stockState === "released") {
      // A late payment: can the released stock be taken again? Decided under the product row locks.
      signal.stockAvailable = await applyStockEffects(tx, order, ["reserve_stock_again"], { dryRun: true });
    }
    const decision = decide(status, signal);
    if (decision.to === status && decision.effects.length === 0 && !decision.flag) continue;
    await applyStockEffects(tx, { ...order, stockState }, decision.effects);
    if (decision.effects.includes("release_stock") || decision.effects.includes("reserve_stock_again")) stockChanged = true;
    if (decision.effects.includes("release_stock")) stockState = "released";
    if (decision.effects.includes("commit_stock")) stockState = "committed";
    if (decision.effects.includes("fulfil")) {
      fulfilled = true;
      Object.assign(updates, { fulfillmentStatus: "ready_to_ship", fulfilledAt: new Date(), paidAt: new Date() });
      const success = observation.payments.find((p) => p.status === "SUCCESS");
      if (success) updates.paidCfPaymentId = success.cfPaymentId;
      if (order.cartId) await queries.clearCartItems(tx, order.cartId);
    }
    if (decision.flag && decision.flag !== "late_payment") updates.attentionReason = decision.flag;
    if (decision.flag === "late_payment_no_stock") paidWithoutStock = true;
    events.push({
      orderId: order.id,
      type: decision.flag && decision.to === status ? decision.flag : `status_${decision.to}`,
      source: observation.source,
      fromStatus: status,
      toStatus: decision.to,
      detail: { signal: signal.type, effects: decision.effects, flag: decision.flag, reference: observation.reference },
    });
    status = decision.to;
  }

  // Only a status check counts as "checked": creating the order at checkout must not stop the return page,
  // seconds later, from asking Cashfree whether the shopper paid.
  const checked = observation.orderStatus && observation.source !== "checkout";
  await queries.updateOrder(tx, order.id, { ...updates, status, stockState, cfCheckedAt: checked ? new Date() : undefined });
  await queries.appendOrderEvents(tx, events);
  return { found: true, from: order.status as OrderStatus, to: status, fulfilled, paidWithoutStock, stockChanged };
}
