import "server-only";

import { getDb } from "@/db";
import { updateOrder } from "@/db/queries/orders";

import { getConfirmedOrder } from "./confirm";
import { orderPagePath } from "./place-order";

/** The payment session to try again with, while the Cashfree order is still open. */
export async function resumePayment(orderId: string, token: string) {
  const order = await getConfirmedOrder(orderId, token);
  if (!order) return { error: "Order not found." } as const;
  if (order.status !== "awaiting_payment" || !order.paymentSessionId || order.cashfreeStatus !== "ACTIVE") {
    return { error: "This order can no longer be paid. Please start a new checkout." } as const;
  }
  // The shopper is about to pay again: the order page they come back to must ask Cashfree, not reuse the last answer.
  await updateOrder(await getDb(), order.id, { cfCheckedAt: null });
  return { paymentSessionId: order.paymentSessionId, orderPath: orderPagePath(order.id, order.accessToken) } as const;
}
