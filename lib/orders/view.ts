/**
 * Questions pages ask of an order they show. Cashfree's words (ACTIVE, USER_DROPPED, …) are read here, never in
 * a page or component.
 */
import type { OrderRow } from "@/db/queries/orders";

import type { OrderStatus } from "./transitions";

interface ViewedOrder {
  status: OrderStatus;
  cashfreeStatus: string | null;
  paymentSessionId: string | null;
  latestAttempt: { status: string } | null;
  confirmationDelayed: boolean;
}

/** The shopper may pay this order again: Cashfree's order is still ACTIVE and has a session. */
export function canRetryPayment(order: Pick<ViewedOrder, "status" | "cashfreeStatus" | "paymentSessionId">) {
  return order.status === "awaiting_payment" && order.cashfreeStatus === "ACTIVE" && !!order.paymentSessionId;
}

/**
 * canRetryPayment for a stored order, before its Cashfree order expires: what the "payment failed" e-mail's "Pay
 * again" needs, when the e-mail is decided and again when it is sent.
 */
export function orderCanBePaidAgain(
  order: Pick<OrderRow, "status" | "cfOrderStatus" | "paymentSessionId" | "expiresAt">,
  now = new Date(),
) {
  const retry = { status: order.status, cashfreeStatus: order.cfOrderStatus, paymentSessionId: order.paymentSessionId };
  return order.expiresAt > now && canRetryPayment(retry);
}

export type AttemptOutcome = "failed" | "not_completed" | "pending" | null;

/** How the shopper's latest payment attempt ended, in our words. */
export function latestAttemptOutcome(order: Pick<ViewedOrder, "latestAttempt">): AttemptOutcome {
  switch (order.latestAttempt?.status) {
    case "FAILED":
    case "CANCELLED":
      return "failed";
    case "USER_DROPPED":
      return "not_completed";
    case "PENDING":
      return "pending";
    default:
      return null;
  }
}

/** The page should keep refreshing: the order or its payment is still being confirmed. */
export function isStillConfirming(order: ViewedOrder) {
  if (order.status === "pending") return true;
  return canRetryPayment(order) && (latestAttemptOutcome(order) === "pending" || order.confirmationDelayed);
}

/** A payment attempt that took the money. */
export function isSuccessfulAttempt(cashfreeStatus: string) {
  return cashfreeStatus === "SUCCESS";
}

/** Where a paid order is now, for the shopper's headline. */
export function paidOrderStage(shipment: { fulfilment: string; shippedAt: Date | null; deliveredAt: Date | null }) {
  if (shipment.deliveredAt) return "delivered" as const;
  if (shipment.shippedAt) return "shipped" as const;
  if (shipment.fulfilment === "cancelled") return "cancelled" as const;
  return "confirmed" as const;
}

/** The delivery address on one line, as receipts, e-mails and invoices print it. */
export function shippingAddressOf(order: {
  shippingLine1: string;
  shippingLine2: string | null;
  shippingCity: string;
  shippingState: string;
  shippingPincode: string;
}) {
  return [
    order.shippingLine1,
    order.shippingLine2,
    `${order.shippingCity}, ${order.shippingState} ${order.shippingPincode}`,
  ]
    .filter(Boolean)
    .join(", ");
}
