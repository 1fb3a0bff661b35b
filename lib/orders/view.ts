/**
 * The shopper's view of an order, and the questions pages ask of an order they show. Cashfree's words (ACTIVE, USER_DROPPED, …) are read here, never in
 * a page or component.
 */
import type { OrderRow } from "@/db/queries/orders";
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
}

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
