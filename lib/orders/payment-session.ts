import "server-only";

import { getDb } from "@/db";
import type * as queries from "@/db/queries/orders";
import { afterResponse } from "@/lib/after-response";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

import { cashfreeVia } from "./actors";
import type { PlaceOrderResult } from "./checkout-input";
import type { CashfreeObservation } from "./observation";
import { terminateIfReplaced } from "./replace-open-order";
import { settleOrder } from "./settle";
import { applyToOrder } from "./unit-of-work";

/** Cashfree refused or could not be reached: the order is closed and its stock given back, once. */
export async function failCheckout(orderId: string, reason: string) {
  await applyToOrder(await getDb(), orderId, { type: "checkout_failed", reason }, cashfreeVia("checkout"), {
    detail: { reason },
  });
}

/** Creates the order at Cashfree (Create Order, idempotent per order) and answers with its payment session. */
export async function createPaymentSession(order: queries.OrderRow): Promise<PlaceOrderResult> {
  try {
    const cfOrder = await cashfree.createOrder({
      orderId: order.id,
      amountPaise: order.totalPaise,
      currency: order.currency,
      customer: {
        id: `C${order.customerPhone}`,
        name: order.customerName,
        email: order.customerEmail,
        phone: order.customerPhone,
      },
      returnUrl: `${env.appUrl}/orders/{order_id}?token=${order.accessToken}`,
      notifyUrl: `${env.appUrl}/api/webhooks/cashfree`,
      expiresAt: order.expiresAt,
      idempotencyKey: order.createIdempotencyKey,
    });
    if (!cfOrder.paymentSessionId) throw new Error("Cashfree returned no payment_session_id");
    // The shopper's answer needs only the session: recording Cashfree's order (its id, the session, awaiting
    // payment) waits for the response. Should it never happen (a crash), the same submit again creates the same
    // order at Cashfree (same idempotency key) and records it, and reconciliation records it too; a payment that
    // comes first finds the order pending, which takes a payment like awaiting_payment does.
    await afterResponse(async () => {
      await recordCashfreeOrder({
        orderId: order.id,
        source: "checkout",
        orderStatus: cfOrder.status,
        orderAmountPaise: cfOrder.amountPaise,
        orderCurrency: cfOrder.currency,
        cfOrderId: cfOrder.cfOrderId,
        paymentSessionId: cfOrder.paymentSessionId,
        payments: [],
      });
      await terminateIfReplaced(order.id);
    });
    return { ok: true, orderId: order.id, accessToken: order.accessToken, paymentSessionId: cfOrder.paymentSessionId };
  } catch (error) {
    const reason = isCashfreeError(error) ? error.message : "unexpected error creating the Cashfree order";
    logError("checkout: creating the Cashfree order failed", error);
    await failCheckout(order.id, reason);
    return {
      ok: false,
      code: "payment_unavailable",
      message:
        "We could not start the payment. Nothing was charged and your cart is unchanged: please try again in a moment.",
    };
  }
}

/** Cashfree's new order, on ours. A failure is logged: the next submit or reconciliation records it again. */
async function recordCashfreeOrder(observation: CashfreeObservation) {
  try {
    await settleOrder(await getDb(), observation);
  } catch (error) {
    logError("checkout: recording the Cashfree order failed; reconciliation will", error);
  }
}
