import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { getWebhookEvent } from "@/db/queries/webhooks";
import type { Admin } from "@/lib/auth/admins";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { parseCashfreeWebhook } from "@/lib/cashfree/webhook-events";
import { settleOrder } from "@/lib/orders/settle";
import { claimAndApply } from "@/lib/webhooks/apply";

type Result = { ok: true; message: string } | { ok: false; error: string };

/** Terminates an unpaid order at Cashfree, then applies Cashfree's answer (it may say PAID if a payment won the race). */
export async function terminateOrder(admin: Admin, orderId: string): Promise<Result> {
  const order = await queries.getOrder(await getDb(), orderId);
  if (!order) return { ok: false, error: "Order not found." };
  if (order.status !== "awaiting_payment") return { ok: false, error: "Only orders awaiting payment can be terminated." };
  try {
    const cfOrder = await cashfree.terminateOrder(orderId);
    const result = await settleOrder(await getDb(), { orderId, source: "admin", orderStatus: cfOrder.status, payments: [], reference: `terminated by ${admin.email}` });
    return { ok: true, message: `Cashfree says ${cfOrder.status}; the order is now ${result.to}.` };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    return { ok: false, error: `Cashfree could not terminate the order: ${error.message}` };
  }
}

const NEXT_FULFILMENT = { shipped: "ready_to_ship", delivered: "shipped" } as const;

/** Marks a paid order shipped or delivered, and tells Cashfree (Update Order Extended) where it can. */
export async function markFulfilment(admin: Admin, orderId: string, step: "shipped" | "delivered", tracking: { company?: string; number?: string }): Promise<Result> {
  const db = await getDb();
  const order = await queries.getOrder(db, orderId);
  if (!order || order.status !== "paid") return { ok: false, error: "Only paid orders can be shipped." };
  if (order.fulfillmentStatus !== NEXT_FULFILMENT[step]) return { ok: false, error: `This order is ${order.fulfillmentStatus.replaceAll("_", " ")}.` };
  await queries.updateOrder(db, orderId, { fulfillmentStatus: step });
  await queries.appendOrderEvents(db, [{ orderId, type: `order_${step}`, source: "admin", detail: { by: admin.email, ...tracking } }]);
  try {
    await cashfree.updateShipment({ orderId, status: step === "shipped" ? "SHIPPED" : "DELIVERED", trackingCompany: tracking.company, trackingNumber: tracking.number });
    return { ok: true, message: `Marked ${step}; Cashfree updated.` };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    return { ok: true, message: `Marked ${step}. Cashfree was not updated (${error.message}).` };
  }
}

/** Applies a stored webhook event again (after a fix, or once its order exists). */
export async function replayWebhookEvent(_admin: Admin, eventId: string): Promise<Result> {
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
  return outcome ? { ok: true, message: `Replayed: ${outcome}.` } : { ok: false, error: "This event is being applied right now; try again in a moment." };
}
