import type { NewOrderEvent } from "@/db/queries/orders";

import type { Actor } from "./actors";
import type { Decision, Flag, OrderCommand, OrderStatus } from "./transitions";

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
function eventSource(actor: Actor): string {
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

/** The timeline's name for what a command did. */
function commandEventType(command: OrderCommand, decision: Decision, from: OrderStatus): OrderEventType {
  switch (command.type) {
    case "checkout_failed":
    case "checkout_superseded":
      return command.type;
    case "mark_shipped":
      return "order_shipped";
    case "mark_delivered":
      return "order_delivered";
    case "cancel_fulfilment":
      return "order_cancelled";
    case "request_refund":
      return "refund_requested";
    case "refund_failed":
      return "refund_failed";
    case "refund_recorded":
      return "refund_recorded";
    case "refund_succeeded":
      return "refund_success";
    case "send_payment_link":
      return "payment_link_sent";
    default:
      return decision.flag && decision.to === from ? decision.flag : `status_${decision.to}`;
  }
}

/** Commands that leave a timeline entry even when the order's status does not move. */
const ALWAYS_RECORDED = new Set<OrderCommand["type"]>([
  "mark_shipped",
  "mark_delivered",
  "cancel_fulfilment",
  "request_refund",
  "refund_failed",
  "refund_recorded",
  "refund_succeeded",
  "send_payment_link",
]);

export const isAlwaysRecorded = (command: OrderCommand) => ALWAYS_RECORDED.has(command.type);

function actorDetail(actor: Actor): Record<string, unknown> {
  if (actor.type === "admin") return { by: actor.email };
  if (actor.type === "system") return { by: actor.name };
  return {};
}

/** The timeline entry of a command the order writer applied (`from`: the status it found). */
export function commandEvent(
  orderId: string,
  command: OrderCommand,
  decision: Decision,
  from: OrderStatus,
  actor: Actor,
  detail: Record<string, unknown> = {},
): OrderEventInput {
  const showsStatus = decision.to !== from || !isAlwaysRecorded(command);
  return {
    orderId,
    type: commandEventType(command, decision, from),
    source: eventSource(actor),
    fromStatus: showsStatus ? from : undefined,
    toStatus: showsStatus ? decision.to : undefined,
    detail: {
      signal: command.type,
      effects: decision.effects.length ? decision.effects : undefined,
      flag: decision.flag,
      ...actorDetail(actor),
      ...detail,
    },
  };
}
