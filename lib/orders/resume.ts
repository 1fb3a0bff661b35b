import "server-only";

import { getDb } from "@/db";
import { fail, ok } from "@/lib/actions/result";
import { updateOrder } from "@/db/queries/orders";

import { confirmAndLoadOrder } from "./confirm";
import { orderPagePath } from "./ids";
import { canRetryPayment } from "./view";

/** The payment session to try again with, while the Cashfree order is still open. */
export async function resumePayment(orderId: string, token: string, address: string | null) {
  const order = await confirmAndLoadOrder(orderId, token, address);
  if (!order) return fail("Order not found.");
  if (!canRetryPayment(order) || !order.paymentSessionId) {
    return fail("This order can no longer be paid. Please start a new checkout.");
  }
  // The shopper is about to pay again: the order page they come back to must ask Cashfree, not reuse the last answer.
  await updateOrder(await getDb(), order.id, { cfCheckedAt: null });
  return ok("Opening the payment page.", {
    paymentSessionId: order.paymentSessionId,
    orderPath: orderPagePath(order.id, order.accessToken),
  });
}
