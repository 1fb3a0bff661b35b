import type { OrderRow } from "@/db/queries/orders";
import type { NewOutboxJob } from "@/db/queries/outbox";

import type { Decision, OrderCommand } from "./transitions";

/** The order e-mails the shop sends (lib/email/templates); `order_link` is "Find my order"'s, to the address on file. */
export const EMAIL_TEMPLATES = [
  "order_confirmed",
  "payment_failed",
  "payment_under_review",
  "refund_initiated",
  "refund_completed",
  "order_shipped",
  "order_delivered",
  "payment_link",
  "order_link",
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** "Find my order": looks for the order after the answer has gone (lib/orders/find.ts). */
export const FIND_ORDER_JOB = "find_order";

/** An e-mail job, keyed by the event it tells of: the same event again (a duplicate webhook) adds none. */
export function emailJob(
  orderId: string,
  template: EmailTemplate,
  eventKey: string,
  payload: Record<string, unknown> = {},
): NewOutboxJob {
  return { kind: "email", key: `email:${template}:${eventKey}`, orderId, payload: { template, ...payload } };
}

/**
 * What a decided command leaves for the outbox, written in the command's own transaction. `detail` carries the
 * ids the command was given (a refund id, a payment link).
 */
export function jobsFor(
  order: OrderRow,
  command: OrderCommand,
  decision: Decision,
  detail: Record<string, unknown> = {},
): NewOutboxJob[] {
  const jobs: NewOutboxJob[] = [];
  if (decision.effects.includes("fulfil")) jobs.push(emailJob(order.id, "order_confirmed", order.id));
  if (decision.flag === "amount_mismatch" || decision.flag === "late_payment_no_stock")
    jobs.push(emailJob(order.id, "payment_under_review", order.id));
  if (decision.flag === "late_payment_no_stock")
    jobs.push({ kind: "late_payment_refund", key: `late_payment_refund:${order.id}`, orderId: order.id, payload: {} });
  if (decision.fulfilment === "shipped" || decision.fulfilment === "delivered") {
    const status = decision.fulfilment === "shipped" ? "SHIPPED" : "DELIVERED";
    jobs.push({
      kind: "cashfree_shipment",
      key: `cashfree_shipment:${decision.fulfilment}:${order.id}`,
      orderId: order.id,
      payload: { status, ...detail },
    });
    jobs.push(emailJob(order.id, decision.fulfilment === "shipped" ? "order_shipped" : "order_delivered", order.id));
  }
  if (command.type === "request_refund" && typeof detail.refundId === "string")
    jobs.push(emailJob(order.id, "refund_initiated", detail.refundId, { refundId: detail.refundId }));
  if (command.type === "send_payment_link" && typeof detail.linkId === "string")
    jobs.push(emailJob(order.id, "payment_link", detail.linkId, { linkId: detail.linkId }));
  return jobs;
}
