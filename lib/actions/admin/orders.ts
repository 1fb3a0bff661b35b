"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import {
  cancelPaidOrder,
  markFulfilment,
  replayWebhookEvent,
  resendConfirmation,
  retryJob,
  terminateOrder,
} from "@/lib/admin/order-operations";
import { syncOrderWithCashfree } from "@/lib/orders/confirm";
import { issueRefund, refundAuthorityOf } from "@/lib/refunds";
import { refundAmountSchema, refundReasonSchema } from "@/lib/refund-rules";
import { orderIdSchema as orderId } from "@/lib/schemas";
import { shipmentSchema } from "@/lib/shipping";

const orderPath = (id: string) => `/admin/orders/${encodeURIComponent(id)}`;
const anOrder = z.object({ orderId });

export const resyncOrderAction = adminAction("staff", "order.resync", anOrder, async (data, _admin, audit) => {
  const result = await syncOrderWithCashfree(data.orderId, "admin");
  revalidatePath(orderPath(data.orderId));
  if (!result.found) return fail("Order not found.");
  audit.note({ before: { status: result.from }, after: { status: result.to } });
  return ok(
    result.from === result.to
      ? `Up to date with Cashfree (${result.to}).`
      : `Updated from Cashfree: ${result.from} → ${result.to}.`,
  );
});

const refundSchema = z.object({
  orderId,
  amount: refundAmountSchema,
  reason: refundReasonSchema,
  // The refund form's token for one refund: sent again (a double click, a retry) it names the same refund.
  refundKey: z.uuid(),
});

export const refundOrderAction = adminAction("staff", "order.refund", refundSchema, async (data, admin, audit) => {
  audit.note({ detail: { amountPaise: data.amount, reason: data.reason, refundKey: data.refundKey } });
  const result = await issueRefund(refundAuthorityOf(admin), {
    orderId: data.orderId,
    amountPaise: data.amount,
    reason: data.reason,
    refundKey: data.refundKey,
  });
  revalidatePath(orderPath(data.orderId));
  return result.ok ? ok(result.message) : fail(result.error);
});

export const terminateOrderAction = adminAction("staff", "order.terminate", anOrder, async (data, admin) => {
  const result = await terminateOrder(admin, data.orderId);
  revalidatePath(orderPath(data.orderId));
  return result;
});

const shipment = shipmentSchema.extend({ orderId });

/** Shipping takes a courier and an AWB number (and optionally its tracking link); delivery takes nothing more. */
export const markShippedAction = adminAction("staff", "order.ship", shipment, async (data, admin, audit) => {
  audit.note({ detail: { courier: data.courier, trackingNumber: data.trackingNumber } });
  const result = await markFulfilment(admin, data.orderId, "shipped", {
    courier: data.courier,
    trackingNumber: data.trackingNumber,
    trackingUrl: data.trackingUrl,
  });
  revalidatePath(orderPath(data.orderId));
  return result;
});

export const markDeliveredAction = adminAction("staff", "order.deliver", anOrder, async (data, admin) => {
  const result = await markFulfilment(admin, data.orderId, "delivered");
  revalidatePath(orderPath(data.orderId));
  return result;
});

const eventId = z.uuid();
const jobId = z.uuid();

export const replayWebhookAction = adminAction("staff", "webhook.replay", z.object({ eventId }), async (data) => {
  const result = await replayWebhookEvent(data.eventId);
  revalidatePath("/admin/attention");
  return result;
});

export const resendEmailAction = adminAction("staff", "order.resend_email", anOrder, async (data) => {
  const result = await resendConfirmation(data.orderId);
  revalidatePath(orderPath(data.orderId));
  return result;
});

export const retryJobAction = adminAction("staff", "outbox.retry", z.object({ jobId }), async (data) => {
  const result = await retryJob(data.jobId);
  revalidatePath("/admin/attention");
  return result;
});

export const cancelOrderAction = adminAction("staff", "order.cancel", anOrder, async (data, admin) => {
  const result = await cancelPaidOrder(admin, data.orderId);
  revalidatePath(orderPath(data.orderId));
  return result;
});
