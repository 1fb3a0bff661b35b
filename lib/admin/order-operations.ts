import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { getWebhookEvent } from "@/db/queries/webhooks";
import type { Result } from "@/lib/actions/result";
import type { Admin } from "@/lib/auth/admins";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { parseCashfreeWebhook } from "@/lib/cashfree/webhook-events";
import { adminActor } from "@/lib/orders/actors";
import { applyToOrder } from "@/lib/orders/runner";
import { settleOrder } from "@/lib/orders/settle";
import { canTerminate } from "@/lib/orders/transitions";
import { claimAndApply } from "@/lib/webhooks/apply";

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

/**
 * Marks a paid order shipped or delivered through the order writer (under the order's lock: twenty clicks at
 * once ship it once), then tells Cashfree (Update Order Extended) where it can.
 */
export async function markFulfilment(
  admin: Admin,
  orderId: string,
  step: "shipped" | "delivered",
  tracking: { company?: string; number?: string },
): Promise<Result> {
  const command = step === "shipped" ? ({ type: "mark_shipped" } as const) : ({ type: "mark_delivered" } as const);
  const result = await applyToOrder(await getDb(), orderId, command, adminActor(admin), { detail: tracking });
  if (!result.found) return { ok: false, error: "Order not found." };
  if (result.refusal === "not_paid") return { ok: false, error: "Only paid orders can be shipped." };
  if (result.refusal)
    return { ok: false, error: `This order is ${result.order!.fulfillmentStatus.replaceAll("_", " ")}.` };
  try {
    await cashfree.updateShipment({
      orderId,
      status: step === "shipped" ? "SHIPPED" : "DELIVERED",
      trackingCompany: tracking.company,
      trackingNumber: tracking.number,
    });
    return { ok: true, message: `Marked ${step}; Cashfree updated.` };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    return { ok: true, message: `Marked ${step}. Cashfree was not updated (${error.message}).` };
  }
}

/** Applies a stored webhook event again (after a fix, or once its order exists). */
export async function replayWebhookEvent(eventId: string): Promise<Result> {
  const db = await getDb();
  const event = await getWebhookEvent(db, eventId);
  if (!event) return { ok: false, error: "Event not found." };
  let body: unknown;
  try {
    body = JSON.parse(event.rawBody);
  } catch {
    return { ok: false, error: "This event's body is not JSON; it cannot be applied." };
  }
  const outcome = await claimAndApply(db, event.id, parseCashfreeWebhook(body, event.rawBody), { replay: true });
  // null: a delivery of the same event is being applied right now.
  return outcome
    ? { ok: true, message: `Replayed: ${outcome}.` }
    : { ok: false, error: "This event is being applied right now; try again in a moment." };
}
