import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { isUniqueViolation } from "@/lib/db-errors";
import { withLogFields } from "@/lib/log";
import { PAYMENTS_PAUSED_MESSAGE, paymentsPaused } from "@/lib/merchant-account/connect";
import { consume, limitedMessage } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";

import { CheckoutRefusal, type PlaceOrderInput, type PlaceOrderResult } from "./checkout-input";
import { createPaymentSession } from "./payment-session";
import { terminateAtCashfree } from "./replace-open-order";
import { type Reservation, reserveOrder } from "./reserve-order";

/**
 * Checkout: the order is reserved from the cart as the database prices it (reserve-order.ts), replacing the cart's
 * previous open order if the checkout changed (replace-open-order.ts), then opened at Cashfree for payment
 * (payment-session.ts).
 */

/** Continues an order this cart already opened: its live session, or the Cashfree order it still needs. */
function continueOrder(order: queries.OrderRow): Promise<PlaceOrderResult> | PlaceOrderResult {
  if (order.status === "awaiting_payment" && order.paymentSessionId) {
    return { ok: true, orderId: order.id, accessToken: order.accessToken, paymentSessionId: order.paymentSessionId };
  }
  // Creating it again is safe: the same idempotency key makes Cashfree answer with the same order.
  if (order.status === "pending") return createPaymentSession(order);
  return { ok: false, code: "order_closed", message: "This checkout has already finished. Please reload the page." };
}

/** What a checkout reads before it locks anything. */
type CheckoutContext = Awaited<ReturnType<typeof readCheckoutContext>>;

/**
 * Side by side, and before any lock: the seller's state (for the tax) is read here, outside the transaction,
 * because every checkout of a variant waits for that variant's lock until this one commits.
 */
async function readCheckoutContext(input: PlaceOrderInput) {
  const db = await getDb();
  const [paused, previous, seller] = await Promise.all([
    paymentsPaused(),
    queries.getOrderByCheckoutAttempt(db, input.checkoutAttemptId),
    getSetting("seller"),
  ]);
  return { paused, previous, seller };
}

/**
 * Places the order for the shopper's cart and opens a Cashfree payment session for it. `context` is what
 * readCheckoutContext read for this input, when the caller already has it.
 */
export async function placeOrder(
  input: PlaceOrderInput,
  options: { context?: CheckoutContext; isRetry?: boolean } = {},
): Promise<PlaceOrderResult> {
  const { paused, previous, seller } = options.context ?? (await readCheckoutContext(input));
  // The Cashfree account is unlinked or broken: refuse before any order or stock hold is written.
  if (paused) return { ok: false, code: "payments_paused", message: PAYMENTS_PAUSED_MESSAGE };
  // The same submit again (double click, network retry): continue that order, never start another.
  if (previous && previous.cartId === input.cartId)
    return withLogFields({ orderId: previous.id }, () => continueOrder(previous));
  // Another cart's attempt id (a copied form, a forged request): nothing to continue here.
  if (previous)
    return { ok: false, code: "order_closed", message: "This checkout form has expired. Please reload the page." };

  let reservation: Reservation;
  try {
    reservation = await reserveOrder(input, seller);
  } catch (error) {
    if (error instanceof CheckoutRefusal) return { ok: false, code: error.code, message: error.message };
    // Two identical submits raced: the other one wrote the order first; continue with it.
    if (isUniqueViolation(error) && !options.isRetry) return placeOrder(input, { isRetry: true });
    throw error;
  }
  return withLogFields({ orderId: reservation.order.id }, async () => {
    if (reservation.reused) return continueOrder(reservation.order);
    if (reservation.superseded) await terminateAtCashfree(reservation.superseded);
    return createPaymentSession(reservation.order);
  });
}

/**
 * The checkout action's service: the shopper's rate limits, per cart and per client address, then placeOrder.
 * Every attempt counts, so a client opening fresh carts as fast as it can still holds no more stock than
 * `checkoutPerAddress` orders' worth per window.
 */
export async function checkout(input: PlaceOrderInput, address: string | null): Promise<PlaceOrderResult> {
  // Reading writes nothing, so the checkout's first reads run beside the count; a limited attempt ignores them.
  const [verdict, context] = await Promise.all([
    consume(["checkoutPerCart", input.cartId], ["checkoutPerAddress", address]),
    readCheckoutContext(input),
  ]);
  if (verdict.limited)
    return {
      ok: false,
      code: "rate_limited",
      message: limitedMessage("Too many checkout attempts.", verdict.retryAfterSeconds),
    };
  return placeOrder(input, { context });
}
