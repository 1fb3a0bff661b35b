/**
 * The order state machine: one explicit table, used by checkout, the webhook, the return page and reconciliation.
 * Pure: it decides; lib/orders/settle.ts applies the decision in one transaction.
 */

export const ORDER_STATUSES = ["pending", "awaiting_payment", "paid", "checkout_failed", "expired", "cancelled", "needs_review"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderSignal =
  | { type: "cashfree_order_created" }
  | { type: "checkout_failed" }
  /** The shopper started a new checkout of the same cart: this open order is replaced and gives its stock back. */
  | { type: "checkout_superseded" }
  /** A SUCCESS payment (or Cashfree's order_status PAID). `stockAvailable` matters only once stock was released. */
  | { type: "payment_succeeded"; amountMatches: boolean; stockAvailable: boolean }
  /** FAILED, USER_DROPPED or PENDING attempts: recorded, never final for the order (the shopper may retry). */
  | { type: "payment_attempt" }
  | { type: "order_expired" }
  | { type: "order_terminated" };

export type Effect = "release_stock" | "reserve_stock_again" | "commit_stock" | "fulfil";
export type Flag = "amount_mismatch" | "late_payment_no_stock" | "late_payment" | "payment_after_paid";

export interface Decision {
  to: OrderStatus;
  effects: Effect[];
  flag?: Flag;
}

const STAY = (status: OrderStatus): Decision => ({ to: status, effects: [] });

/** Statuses whose stock reservation was released: a payment arriving now is a late payment. */
const RELEASED: readonly OrderStatus[] = ["checkout_failed", "expired", "cancelled"];

function onPaymentSucceeded(from: OrderStatus, signal: Extract<OrderSignal, { type: "payment_succeeded" }>): Decision {
  if (from === "paid") return { to: "paid", effects: [], flag: "payment_after_paid" };
  if (from === "needs_review") return STAY(from);
  if (!signal.amountMatches) return { to: "needs_review", effects: [], flag: "amount_mismatch" };
  if (RELEASED.includes(from)) {
    return signal.stockAvailable
      ? { to: "paid", effects: ["reserve_stock_again", "commit_stock", "fulfil"], flag: "late_payment" }
      : { to: "needs_review", effects: [], flag: "late_payment_no_stock" };
  }
  return { to: "paid", effects: ["commit_stock", "fulfil"] };
}

export function decide(from: OrderStatus, signal: OrderSignal): Decision {
  const open = from === "pending" || from === "awaiting_payment";
  switch (signal.type) {
    case "cashfree_order_created":
      return from === "pending" ? { to: "awaiting_payment", effects: [] } : STAY(from);
    case "checkout_failed":
      return from === "pending" ? { to: "checkout_failed", effects: ["release_stock"] } : STAY(from);
    case "checkout_superseded":
      return open ? { to: "cancelled", effects: ["release_stock"] } : STAY(from);
    case "payment_succeeded":
      return onPaymentSucceeded(from, signal);
    case "payment_attempt":
      return STAY(from);
    case "order_expired":
      return open ? { to: "expired", effects: ["release_stock"] } : STAY(from);
    case "order_terminated":
      return open ? { to: "cancelled", effects: ["release_stock"] } : STAY(from);
  }
}

/** Paid orders, and orders held for review, are never moved by Cashfree signals again. */
export function isSettled(status: OrderStatus) {
  return status === "paid" || status === "needs_review";
}
