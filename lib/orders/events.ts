import type { NewOrderEvent } from "@/db/queries/orders";

import type { Actor } from "./actors";
import type { Flag, OrderStatus } from "./transitions";

/** Cashfree's payment statuses, as the timeline records an attempt's progress (`payment_failed`, …). */
type PaymentEvent =
  | "payment_success"
  | "payment_failed"
  | "payment_user_dropped"
  | "payment_pending"
  | "payment_cancelled"
  | "payment_void"
  | "payment_flagged"
  | "payment_not_attempted";
type RefundEvent =
  | "refund_requested"
  | "refund_success"
  | "refund_pending"
  | "refund_failed"
  | "refund_cancelled"
  | "refund_onhold"
  | "refund_recorded";

/** Every kind of entry in an order's timeline (`order_events.type`). */
export type OrderEventType =
  | "order_placed"
  | "checkout_failed"
  | "checkout_superseded"
  | `status_${OrderStatus}`
  | Flag
  | PaymentEvent
  | RefundEvent
  | "order_shipped"
  | "order_delivered"
  | "order_cancelled"
  | "payment_link_sent";

/** A timeline entry as the order writer records it: only known types. */
export type OrderEventInput = Omit<NewOrderEvent, "type"> & { type: OrderEventType };

export function paymentEventType(cashfreeStatus: string): OrderEventType {
  return `payment_${cashfreeStatus.toLowerCase()}` as PaymentEvent;
}

export function refundEventType(cashfreeStatus: string): OrderEventType {
  return `refund_${cashfreeStatus.toLowerCase()}` as RefundEvent;
}

/** The timeline's `source` column: how the change reached the order. */
export function eventSource(actor: Actor): string {
  switch (actor.type) {
    case "cashfree":
      return actor.via;
    case "admin":
      return "admin";
    case "shopper":
      return "checkout";
    case "system":
      return "system";
  }
}
