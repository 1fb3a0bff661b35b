import "server-only";

import { randomUUID } from "node:crypto";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { enqueueJobs, reviveJob } from "@/db/queries/outbox";
import { getWebhookEvent } from "@/db/queries/webhooks";
import type { Result } from "@/lib/actions/result";
import type { Admin } from "@/lib/auth/admins";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { statusLabel } from "@/lib/format";
import { adminActor } from "@/lib/orders/actors";
import { issueRefund, refundAuthorityOf } from "@/lib/refunds";
import { emailJob } from "@/lib/orders/jobs";
import { applyToOrder } from "@/lib/orders/unit-of-work";
import { kickOutbox } from "@/lib/outbox/worker";
import { settleOrder } from "@/lib/orders/settle";
import { canTerminate } from "@/lib/orders/transitions";
import { type CourierName, trackingUrlFor } from "@/lib/shipping";
import { replayStoredWebhook } from "@/lib/webhooks/apply";

/** Terminates an unpaid order at Cashfree, then applies Cashfree's answer (it may say PAID if a payment won the race). */
export async function terminateOrder(admin: Admin, orderId: string): Promise<Result> {
  const order = await queries.getOrder(await getDb(), orderId);
  if (!order) return { ok: false, error: "Order not found." };
  if (!canTerminate(order.status)) return { ok: false, error: "Only orders awaiting payment can be terminated." };
  try {
    const cfOrder = await cashfree.terminateOrder(orderId);
    const result = await settleOrder(await getDb(), {
      orderId,
      source: "admin",
      orderStatus: cfOrder.status,
      payments: [],
      reference: `terminated by ${admin.email}`,
    });
    return { ok: true, message: `Cashfree says ${cfOrder.status}; the order is now ${result.to}.` };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    return { ok: false, error: `Cashfree could not terminate the order: ${error.message}` };
  }
}

export interface Shipment {
  courier: CourierName;
  trackingNumber: string;
  trackingUrl?: string;
}

/**
 * Marks a paid order shipped (with its courier and tracking) or delivered, through the order writer: under the
 * order's lock twenty clicks at once ship it once. Telling Cashfree (Update Order Extended) and the shopper
 * (e-mail) are outbox jobs of that same transaction, retried until they succeed.
 */
export async function markFulfilment(
  admin: Admin,
  orderId: string,
  step: "shipped" | "delivered",
  shipment?: Shipment,
): Promise<Result> {
  const command = step === "shipped" ? ({ type: "mark_shipped" } as const) : ({ type: "mark_delivered" } as const);
  const detail = shipment
    ? { ...shipment, trackingUrl: trackingUrlFor(shipment.courier, shipment.trackingNumber, shipment.trackingUrl) }
    : {};
  const result = await applyToOrder(await getDb(), orderId, command, adminActor(admin), { detail });
  if (!result.found) return { ok: false, error: "Order not found." };
  if (result.refusal === "not_paid") return { ok: false, error: "Only paid orders can be shipped." };
  if (result.refusal) return { ok: false, error: `This order is ${statusLabel(result.order!.fulfillmentStatus)}.` };
  return {
    ok: true,
    message:
      step === "shipped"
        ? "Marked shipped. The shopper and Cashfree will be told."
        : "Marked delivered. The shopper will be told.",
  };
}

/** Applies a stored webhook event again (after a fix, or once its order exists). */
export async function replayWebhookEvent(eventId: string): Promise<Result> {
  const db = await getDb();
  const event = await getWebhookEvent(db, eventId);
  if (!event) return { ok: false, error: "Event not found." };
  try {
    JSON.parse(event.rawBody);
  } catch {
    return { ok: false, error: "This event's body is not JSON; it cannot be applied." };
  }
  const outcome = await replayStoredWebhook(db, event);
  // null: a delivery of the same event is being applied right now.
  return outcome
    ? { ok: true, message: `Replayed: ${outcome}.` }
    : { ok: false, error: "This event is being applied right now; try again in a moment." };
}

/** "Resend confirmation": a new e-mail job of its own (its own key), run soon after. */
export async function resendConfirmation(orderId: string): Promise<Result> {
  const db = await getDb();
  const order = await queries.getOrder(db, orderId);
  if (!order?.paidAt) return { ok: false, error: "Only paid orders have a confirmation to resend." };
  await enqueueJobs(db, [emailJob(orderId, "order_confirmed", `${orderId}:resend:${randomUUID()}`)]);
  kickOutbox();
  return { ok: true, message: `Confirmation queued for ${order.customerEmail}.` };
}

/** The merchant's Retry on a job the outbox gave up on. */
export async function retryJob(jobId: string): Promise<Result> {
  if (!(await reviveJob(await getDb(), jobId))) return { ok: false, error: "That job is not waiting for a retry." };
  kickOutbox();
  return { ok: true, message: "Retrying now." };
}

/**
 * Cancels a paid order that has not shipped: the order writer marks it cancelled and puts its stock back (under
 * the order's lock, so it cannot ship meanwhile), then the whole remaining amount is refunded through the usual
 * refund path, with the merchant's own limits.
 */
export async function cancelPaidOrder(admin: Admin, orderId: string): Promise<Result> {
  const db = await getDb();
  const cancelled = await applyToOrder(db, orderId, { type: "cancel_fulfilment" }, adminActor(admin));
  if (!cancelled.found) return { ok: false, error: "Order not found." };
  if (cancelled.refusal) return { ok: false, error: "Only a paid order that has not shipped can be cancelled." };
  const order = cancelled.order!;
  const remaining = order.totalPaise - order.refundedPaise;
  if (remaining <= 0) return { ok: true, message: "Order cancelled; it was already refunded in full." };
  const refund = await issueRefund(refundAuthorityOf(admin), {
    orderId,
    amountPaise: remaining,
    reason: "Order cancelled before shipping",
    refundKey: `cancel-${orderId}`,
  });
  if (!refund.ok)
    return {
      ok: false,
      error: `Order cancelled, but the refund did not go through: ${refund.error} Refund it from this page.`,
    };
  return { ok: true, message: `Order cancelled. ${refund.message}` };
}
