/**
 * The shopper's view of an order, and the questions pages ask of an order they show. Cashfree's words (ACTIVE, USER_DROPPED, …) are read here, never in
 * a page or component.
 */
import type { OrderRow } from "@/db/queries/orders";
import { isDebited } from "@/lib/disputes/state";
import type { GstQuote } from "@/lib/gst/quote";

import type { OrderStatus } from "./transitions";

/** The shopper's view of an order (the order page, after confirmAndLoadOrder in confirm.ts): for its link's holder. */
export interface OrderView {
  id: string;
  accessToken: string;
  status: OrderStatus;
  cashfreeStatus: string | null;
  paymentSessionId: string | null;
  expiresAt: Date;
  createdAt: Date;
  items: { productName: string; quantity: number; unitPricePaise: number; lineTotalPaise: number }[];
  subtotalPaise: number;
  shippingPaise: number;
  totalPaise: number;
  refundedPaise: number;
  customerName: string;
  customerEmail: string;
  shippingAddress: string;
  /** The GST inside the total, the state it is due in, and the business buyer, if any. */
  gst: Pick<GstQuote, "supply" | "byRate" | "totals">;
  placeOfSupply: string;
  business: { gstin: string; name: string | null } | null;
  /** The tax invoice and any credit notes, with their download links. */
  documents: { id: string; kind: "invoice" | "credit_note"; number: string; issuedAt: Date; url: string }[];
  latestAttempt: { status: string; reason: string | null; group: string | null } | null;
  paidPayment: { cfPaymentId: string; group: string | null; bankReference: string | null } | null;
  /** True when Cashfree could not be asked just now: the page says it is still confirming. */
  confirmationDelayed: boolean;
  shipment: {
    fulfilment: string;
    courier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    shippedAt: Date | null;
    deliveredAt: Date | null;
  };
  refunds: { id: string; amountPaise: number; status: string; createdAt: Date }[];
  /** Disputes (chargebacks) the shopper's bank raised on the payment: their status and amount. */
  disputes: { status: string; amountPaise: number | null }[];
}

/** A refund's Cashfree status in the shopper's words. */
const REFUND_STATUS_WORDS: Record<string, string> = {
  SUCCESS: "completed",
  PENDING: "in progress",
  ONHOLD: "on hold",
  FAILED: "failed",
  CANCELLED: "cancelled",
};
export const refundStatusWords = (status: string) => REFUND_STATUS_WORDS[status] ?? status.toLowerCase();

/** Refunds that are still on their way (counted once they complete). */
const isRefundUnderway = (status: string) => status === "PENDING" || status === "ONHOLD";

/**
 * What came back to the shopper, and what they paid in the end: completed refunds and chargebacks (a dispute
 * lost or accepted: the bank returned the money) come off the total; refunds still under way are counted apart.
 * The order page, its e-mails and the receipt all show these numbers.
 */
export function moneyBack(order: Pick<OrderView, "totalPaise" | "refunds" | "disputes">) {
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const refundedPaise = sum(order.refunds.filter((r) => r.status === "SUCCESS").map((r) => r.amountPaise));
  const refundingPaise = sum(order.refunds.filter((r) => isRefundUnderway(r.status)).map((r) => r.amountPaise));
  const chargebackPaise = sum(order.disputes.filter((d) => isDebited(d.status)).map((d) => d.amountPaise ?? 0));
  const netPaidPaise = Math.max(0, order.totalPaise - refundedPaise - chargebackPaise);
  return { refundedPaise, refundingPaise, chargebackPaise, netPaidPaise };
}
export type MoneyBack = ReturnType<typeof moneyBack>;

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
