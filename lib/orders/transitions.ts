/**
 * The order state machine: one explicit table for the whole lifecycle (payment, fulfilment, refunds). Pure: it
 * decides; lib/orders/runner.ts applies the decision, under the order's row lock, in one unit of work
 * (lib/orders/unit-of-work.ts).
 */

export const ORDER_STATUSES = [
  "pending",
  "awaiting_payment",
  "paid",
  "checkout_failed",
  "expired",
  "cancelled",
  "needs_review",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `cancelled`: paid, then cancelled by the merchant before it shipped (refunded in full, stock back on the shelf). */
export type FulfilmentStatus = "unfulfilled" | "ready_to_ship" | "shipped" | "delivered" | "cancelled";

/** What Cashfree told us, translated by observation.ts. */
export type OrderSignal =
  | { type: "cashfree_order_created" }
  /** Creating Cashfree's order failed (refused, or unreachable): `reason` is kept on the order. */
  | { type: "checkout_failed"; reason?: string }
  /** The shopper started a new checkout of the same cart: this open order is replaced and gives its stock back. */
  | { type: "checkout_superseded" }
  /**
   * A SUCCESS payment (or Cashfree's order_status PAID). `stockAvailable` matters only once stock was released;
   * `offer`: a Cashfree offer's discount that, with the payment, made up the total (recorded on the paid order).
   */
  | {
      type: "payment_succeeded";
      amountMatches: boolean;
      stockAvailable: boolean;
      cfPaymentId?: string;
      offer?: OfferUsed;
    }
  /** FAILED, USER_DROPPED or PENDING attempts: recorded, never final for the order (the shopper may retry). */
  | { type: "payment_attempt" }
  | { type: "order_expired" }
  | { type: "order_terminated" };

/** A Cashfree offer redeemed on the paying payment: its id(s) and the discount it gave, in paise. */
export interface OfferUsed {
  cfOfferId: string | null;
  discountPaise: number;
}

/** What a merchant, a refund's progress or the store's own rules ask of an order. */
type OrderAction =
  | { type: "mark_shipped" }
  | { type: "mark_delivered" }
  /** Cancel a paid order that has not shipped: nothing will ship, its stock goes back (the refund is its own command). */
  | { type: "cancel_fulfilment" }
  /** `maxRefundedPaise`: the most the order's total refunded may reach for this actor (a staff limit), or null. */
  | { type: "request_refund"; amountPaise: number; maxRefundedPaise: number | null }
  /** A refund we asked for ended FAILED or CANCELLED: its amount is refundable again. */
  | { type: "refund_failed"; amountPaise: number }
  /** A refund Cashfree made without us (from its dashboard): counted against the refundable balance. */
  | { type: "refund_recorded"; amountPaise: number }
  /** Cashfree says a refund reached the shopper: the tax invoice is corrected by a credit note. */
  | { type: "refund_succeeded"; refundId: string; amountPaise: number }
  | { type: "send_payment_link" };

export type OrderCommand = OrderSignal | OrderAction;

/** `fulfil` also issues the order's tax invoice, in the paying transaction. */
export type Effect =
  "release_stock" | "reserve_stock_again" | "commit_stock" | "fulfil" | "restock" | "issue_credit_note";
export type Flag = "amount_mismatch" | "late_payment_no_stock" | "late_payment" | "payment_after_paid";
/** Why a command cannot apply to the order as it is; callers phrase it for the person who asked. */
export type Refusal =
  | "not_paid"
  | "not_ready_to_ship"
  | "not_shipped"
  | "not_refundable"
  | "exceeds_balance"
  | "exceeds_limit"
  | "not_unpaid";

/** The part of an order the state machine reads. */
export interface OrderSnapshot {
  status: OrderStatus;
  fulfilment: FulfilmentStatus;
  totalPaise: number;
  refundedPaise: number;
}

export interface Decision {
  to: OrderStatus;
  effects: Effect[];
  flag?: Flag;
  fulfilment?: FulfilmentStatus;
  /** Added to (or, negative, taken from) the order's refunded total. */
  refundDeltaPaise?: number;
  refusal?: Refusal;
}

const STAY = (status: OrderStatus): Decision => ({ to: status, effects: [] });
const REFUSE = (status: OrderStatus, refusal: Refusal): Decision => ({ to: status, effects: [], refusal });

/** Statuses whose stock reservation was released: a payment arriving now is a late payment. */
const RELEASED: readonly OrderStatus[] = ["checkout_failed", "expired", "cancelled"];

function onPaymentSucceeded(from: OrderStatus, signal: Extract<OrderSignal, { type: "payment_succeeded" }>): Decision {
  if (from === "paid") return { to: "paid", effects: [], flag: "payment_after_paid" };
  if (from === "needs_review") return STAY(from);
  if (!signal.amountMatches) return { to: "needs_review", effects: [], flag: "amount_mismatch" };
  if (RELEASED.includes(from)) {
    return signal.stockAvailable
      ? {
          to: "paid",
          effects: ["reserve_stock_again", "commit_stock", "fulfil"],
          flag: "late_payment",
          fulfilment: "ready_to_ship",
        }
      : { to: "needs_review", effects: [], flag: "late_payment_no_stock" };
  }
  return { to: "paid", effects: ["commit_stock", "fulfil"], fulfilment: "ready_to_ship" };
}

function onFulfilment(order: OrderSnapshot, step: "shipped" | "delivered"): Decision {
  if (order.status !== "paid") return REFUSE(order.status, "not_paid");
  if (step === "shipped")
    return order.fulfilment === "ready_to_ship"
      ? { ...STAY("paid"), fulfilment: "shipped" }
      : REFUSE("paid", "not_ready_to_ship");
  return order.fulfilment === "shipped" ? { ...STAY("paid"), fulfilment: "delivered" } : REFUSE("paid", "not_shipped");
}

function onRefundRequested(order: OrderSnapshot, action: Extract<OrderAction, { type: "request_refund" }>): Decision {
  if (!isRefundable(order.status)) return REFUSE(order.status, "not_refundable");
  if (action.amountPaise > refundablePaise(order)) return REFUSE(order.status, "exceeds_balance");
  if (action.maxRefundedPaise !== null && order.refundedPaise + action.amountPaise > action.maxRefundedPaise)
    return REFUSE(order.status, "exceeds_limit");
  return { ...STAY(order.status), refundDeltaPaise: action.amountPaise };
}

/** A bare status stands for an order with nothing shipped and nothing refunded (how Cashfree signals are tested). */
function snapshotOf(from: OrderStatus | OrderSnapshot): OrderSnapshot {
  return typeof from === "string"
    ? { status: from, fulfilment: from === "paid" ? "ready_to_ship" : "unfulfilled", totalPaise: 0, refundedPaise: 0 }
    : from;
}

export function decide(from: OrderStatus | OrderSnapshot, command: OrderCommand): Decision {
  const order = snapshotOf(from);
  const status = order.status;
  const open = isOpen(status);
  switch (command.type) {
    case "cashfree_order_created":
      return status === "pending" ? { to: "awaiting_payment", effects: [] } : STAY(status);
    case "checkout_failed":
      return status === "pending" ? { to: "checkout_failed", effects: ["release_stock"] } : STAY(status);
    case "checkout_superseded":
      return open ? { to: "cancelled", effects: ["release_stock"] } : STAY(status);
    case "payment_succeeded":
      return onPaymentSucceeded(status, command);
    case "payment_attempt":
      return STAY(status);
    case "order_expired":
      return open ? { to: "expired", effects: ["release_stock"] } : STAY(status);
    case "order_terminated":
      return open ? { to: "cancelled", effects: ["release_stock"] } : STAY(status);
    case "mark_shipped":
      return onFulfilment(order, "shipped");
    case "mark_delivered":
      return onFulfilment(order, "delivered");
    case "cancel_fulfilment":
      if (status !== "paid") return REFUSE(status, "not_paid");
      return order.fulfilment === "ready_to_ship"
        ? { to: "paid", effects: ["restock"], fulfilment: "cancelled" }
        : REFUSE(status, "not_ready_to_ship");
    case "request_refund":
      return onRefundRequested(order, command);
    case "refund_failed":
      // Never below zero, whatever order the refund events arrive in.
      return { ...STAY(status), refundDeltaPaise: -Math.min(command.amountPaise, order.refundedPaise) };
    case "refund_recorded":
      // Never above the order's total: Cashfree cannot have refunded more than it captured for this order.
      return { ...STAY(status), refundDeltaPaise: Math.min(command.amountPaise, refundablePaise(order)) };
    case "refund_succeeded":
      return isRefundable(status) ? { to: status, effects: ["issue_credit_note"] } : STAY(status);
    case "send_payment_link":
      return canSendPaymentLink(status) ? STAY(status) : REFUSE(status, "not_unpaid");
  }
}

// Named predicates: pages and components ask these instead of comparing statuses themselves.

/** Paid orders, and orders held for review, are never moved by Cashfree signals again. */
export function isSettled(status: OrderStatus) {
  return status === "paid" || status === "needs_review";
}

/** Paid and accepted: the order is on its way to the shopper (or there). */
export function isPaid(status: OrderStatus) {
  return status === "paid";
}

/** Still waiting for the shopper's money, with stock held. */
function isOpen(status: OrderStatus) {
  return status === "pending" || status === "awaiting_payment";
}

export function isRefundable(status: OrderStatus) {
  return status === "paid" || status === "needs_review";
}

export function refundablePaise(order: Pick<OrderSnapshot, "totalPaise" | "refundedPaise">) {
  return order.totalPaise - order.refundedPaise;
}

/** An unpaid order (open, or closed without payment) can be paid through a payment link. */
export function canSendPaymentLink(status: OrderStatus) {
  return status === "awaiting_payment" || RELEASED.includes(status);
}

/** A paid order that has not shipped can be cancelled (and refunded in full). */
export function canCancelPaidOrder(order: Pick<OrderSnapshot, "status" | "fulfilment">) {
  return order.status === "paid" && order.fulfilment === "ready_to_ship";
}

/** The merchant may close an unpaid order at Cashfree. */
export function canTerminate(status: OrderStatus) {
  return status === "awaiting_payment";
}

/** The fulfilment step a merchant can take next, if any. */
export function nextFulfilmentStep(
  order: Pick<OrderSnapshot, "status" | "fulfilment">,
): "shipped" | "delivered" | null {
  if (order.status !== "paid") return null;
  if (order.fulfilment === "ready_to_ship") return "shipped";
  if (order.fulfilment === "shipped") return "delivered";
  return null;
}
