"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { guardedAdminAction } from "@/lib/admin/guard";
import { markFulfilment, replayWebhookEvent, terminateOrder } from "@/lib/admin/order-operations";
import { syncOrderWithCashfree } from "@/lib/orders/confirm";
import { issueRefund, refundAuthorityOf } from "@/lib/refunds";
import { orderIdSchema as orderId, rupeeAmount } from "@/lib/schemas";

const orderPath = (id: string) => `/admin/orders/${encodeURIComponent(id)}`;

export async function resyncOrderAction(input: { orderId: string }) {
  return guardedAdminAction("staff", z.object({ orderId }), input, async (_admin, data) => {
    const result = await syncOrderWithCashfree(data.orderId, "admin");
    revalidatePath(orderPath(data.orderId));
    if (!result.found) return { ok: false, error: "Order not found." };
    return { ok: true, message: result.from === result.to ? `Up to date with Cashfree (${result.to}).` : `Updated from Cashfree: ${result.from} → ${result.to}.` };
  });
}

const refundSchema = z.object({
  orderId,
  amount: rupeeAmount({ label: "refund", example: "250 or 250.50" }),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters).").max(200),
  refundKey: z.uuid(),
});

export async function refundOrderAction(input: z.input<typeof refundSchema>) {
  return guardedAdminAction("staff", refundSchema, input, async (admin, data) => {
    const result = await issueRefund(refundAuthorityOf(admin), { orderId: data.orderId, amountPaise: data.amount, reason: data.reason, refundKey: data.refundKey });
    revalidatePath(orderPath(data.orderId));
    return result.ok ? { ok: true, message: result.message } : { ok: false, error: result.error };
  });
}

export async function terminateOrderAction(input: { orderId: string }) {
  return guardedAdminAction("staff", z.object({ orderId }), input, async (admin, data) => {
    const result = await terminateOrder(admin, data.orderId);
    revalidatePath(orderPath(data.orderId));
    return result;
  });
}

const fulfilmentSchema = z.object({
  orderId,
  step: z.enum(["shipped", "delivered"]),
  trackingCompany: z.string().trim().max(60).optional(),
  trackingNumber: z.string().trim().max(60).optional(),
});

export async function markFulfilmentAction(input: z.input<typeof fulfilmentSchema>) {
  return guardedAdminAction("staff", fulfilmentSchema, input, async (admin, data) => {
    const result = await markFulfilment(admin, data.orderId, data.step, { company: data.trackingCompany, number: data.trackingNumber });
    revalidatePath(orderPath(data.orderId));
    return result;
  });
}

export async function replayWebhookAction(input: { eventId: string }) {
  return guardedAdminAction("staff", z.object({ eventId: z.uuid() }), input, async (admin, data) => {
    const result = await replayWebhookEvent(admin, data.eventId);
    revalidatePath("/admin/attention");
    return result;
  });
}
