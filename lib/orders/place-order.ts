import "server-only";

import { type Database, getDb } from "@/db";
import { afterResponse } from "@/lib/after-response";
import * as queries from "@/db/queries/orders";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import type { CustomerDetails } from "@/lib/checkout-schema";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { quoteGst } from "@/lib/gst/quote";
import { placeOfSupply, supplyType } from "@/lib/gst/tax";
import { log, logError, withLogFields } from "@/lib/log";
import { PAYMENTS_PAUSED_MESSAGE, paymentsPaused } from "@/lib/merchant-account/connect";
import { formatInr } from "@/lib/money";
import { productPagesChangedAfterResponse } from "@/lib/products";
import { computeTotals } from "@/lib/pricing";
import { consume, limitedMessage } from "@/lib/rate-limit";
import { getSetting, type SettingValue } from "@/lib/settings";
import { variantName } from "@/lib/variants";

import { newAccessToken, newOrderId } from "./ids";
import { type CashfreeObservation, settleOrder } from "./settle";
import { cashfreeVia, SHOPPER } from "./actors";
import { applyCommands, applyToOrder } from "./runner";

/** How long stock is held for an unpaid order; also the Cashfree order's expiry (Cashfree needs > 15 minutes). */
export const PAYMENT_WINDOW_MINUTES = 20;

export interface PlaceOrderInput {
  cartId: string;
  customer: CustomerDetails;
  checkoutAttemptId: string;
  expectedTotalPaise: number;
}

export type PlaceOrderResult =
  | { ok: true; orderId: string; accessToken: string; paymentSessionId: string }
  | {
      ok: false;
      code:
        | "empty_cart"
        | "stock_changed"
        | "price_changed"
        | "payment_unavailable"
        | "order_closed"
        | "payments_paused"
        | "rate_limited";
      message: string;
    };

export function orderPagePath(orderId: string, accessToken: string) {
  return `/orders/${encodeURIComponent(orderId)}?token=${accessToken}`;
}

class CheckoutRefusal extends Error {
  constructor(
    readonly code: "empty_cart" | "stock_changed" | "price_changed",
    message: string,
  ) {
    super(message);
  }
}

type Reservation = { order: queries.OrderRow; reused: boolean; superseded: queries.OrderRow | null };

/** The open order is exactly what this checkout would create: the same lines, customer and total. */
function sameCheckout(
  open: queries.OrderRow,
  openItems: { variantId: string; quantity: number }[],
  lines: { variantId: string; quantity: number }[],
  input: PlaceOrderInput,
) {
  const key = (rows: { variantId: string; quantity: number }[]) =>
    rows
      .map((r) => `${r.variantId}:${r.quantity}`)
      .sort()
      .join(",");
  const { customer } = input;
  const sameCustomer =
    open.customerName === customer.name &&
    open.customerEmail === customer.email &&
    open.customerPhone === customer.phone &&
    open.shippingLine1 === customer.line1 &&
    (open.shippingLine2 ?? undefined) === customer.line2 &&
    open.shippingCity === customer.city &&
    open.shippingState === customer.state &&
    open.shippingPincode === customer.pincode &&
    (open.buyerGstin ?? undefined) === customer.businessGstin &&
    (open.buyerBusinessName ?? undefined) === customer.businessName;
  return sameCustomer && open.totalPaise === input.expectedTotalPaise && key(openItems) === key(lines);
}

/**
 * Re-prices the cart from the database, reserves stock and writes the order, all in one transaction, under the
 * cart's lock: a cart holds at most one open order. The same checkout again continues that order; a changed one
 * (other details, other lines) replaces it, giving its stock back first, so a cart never holds more stock than
 * it asks for, however many checkouts it starts.
 */
async function reserveOrder(input: PlaceOrderInput, seller: SettingValue<"seller">): Promise<Reservation> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lines = await queries.lockCartLines(tx, input.cartId);
    if (lines.length === 0) throw new CheckoutRefusal("empty_cart", "Your cart is empty.");

    const open = await queries.getOpenOrderForCart(tx, input.cartId);
    if (open && sameCheckout(open, await queries.listOrderItems(tx, open.id), lines, input))
      return { order: open, reused: true, superseded: null };
    if (open) await supersede(tx, open);

    const locked = await queries.lockVariants(
      tx,
      lines.map((line) => line.variantId),
    );
    const byId = new Map(locked.map((variant) => [variant.id, variant]));

    const items = lines.map((line) => {
      const variant = byId.get(line.variantId);
      if (!variant || variant.withdrawn)
        throw new CheckoutRefusal("stock_changed", "An item in your cart is no longer sold. Please review your cart.");
      const name = variantName(variant.productName, variant.optionValues);
      if (variant.stock < line.quantity) {
        const left = variant.stock === 0 ? "is sold out" : `has only ${variant.stock} left`;
        throw new CheckoutRefusal("stock_changed", `${name} ${left}. Please review your cart.`);
      }
      return {
        productId: variant.productId,
        variantId: variant.id,
        sku: variant.sku,
        productName: name,
        hsnCode: variant.hsnCode,
        gstRateBps: variant.gstRateBps,
        unitPricePaise: variant.pricePaise,
        quantity: line.quantity,
        lineTotalPaise: variant.pricePaise * line.quantity,
      };
    });
    const totals = computeTotals(items);
    if (totals.totalPaise !== input.expectedTotalPaise) {
      throw new CheckoutRefusal(
        "price_changed",
        `Prices changed since you opened checkout. Your new total is ${formatInr(totals.totalPaise)}: please check it and pay again.`,
      );
    }

    const { customer } = input;
    const place = placeOfSupply({ shippingState: customer.state, buyerGstin: customer.businessGstin });
    const gst = quoteGst(items, totals.shippingPaise, supplyType(seller.state, place));
    const order: queries.NewOrder = {
      id: newOrderId(),
      accessToken: newAccessToken(),
      cartId: input.cartId,
      checkoutAttemptId: input.checkoutAttemptId,
      ...totals,
      taxPaise: gst.totals.taxPaise,
      placeOfSupply: place,
      buyerGstin: customer.businessGstin,
      buyerBusinessName: customer.businessName,
      customerName: customer.name,
      customerEmail: customer.email,
      customerPhone: customer.phone,
      shippingLine1: customer.line1,
      shippingLine2: customer.line2,
      shippingCity: customer.city,
      shippingState: customer.state,
      shippingPincode: customer.pincode,
      expiresAt: new Date(Date.now() + PAYMENT_WINDOW_MINUTES * 60_000),
    };
    // The order, its items, its first event and its stock hold: one statement, on the variants locked above.
    const placed = await queries.insertOrder(
      tx,
      order,
      items,
      [
        {
          orderId: order.id,
          type: "order_placed",
          source: "checkout",
          toStatus: "pending",
          detail: { totalPaise: totals.totalPaise, items: items.length, replaces: open?.id },
        },
      ],
      { takeStock: true },
    );
    return { order: placed, reused: false, superseded: open ?? null };
  });
}

/** Closes the cart's previous open order and gives its stock back, in the new checkout's transaction. */
async function supersede(tx: Database, open: queries.OrderRow) {
  await applyCommands(tx, open, [{ type: "checkout_superseded" }], SHOPPER);
}

/** After the commit: the replaced order's Cashfree session must not take a payment any more. */
async function terminateAtCashfree(order: queries.OrderRow) {
  try {
    await cashfree.terminateOrder(order.id);
  } catch (error) {
    // Not created there yet, or Cashfree is down: it expires by itself, and a payment on it is a late payment.
    if (!isCashfreeError(error)) throw error;
    log.warn({ orderId: order.id, err: error }, "checkout: could not terminate the replaced order at Cashfree");
  }
}

/** Cashfree refused or could not be reached: the order is closed and its stock given back, once. */
export async function failCheckout(orderId: string, reason: string) {
  await applyToOrder(await getDb(), orderId, { type: "checkout_failed" }, cashfreeVia("checkout"), {
    detail: { reason },
    updates: { checkoutError: reason },
  });
}

async function createPaymentSession(order: queries.OrderRow): Promise<PlaceOrderResult> {
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

/**
 * A newer checkout of the cart may have replaced this order while its Create Order was in flight: that checkout's
 * terminate then came before Cashfree had the order (404) and did nothing. Whichever comes second, its terminate
 * or this check, sees the other, so a replaced order never keeps a live session at Cashfree.
 */
async function terminateIfReplaced(orderId: string) {
  try {
    const current = await queries.getOrder(await getDb(), orderId);
    if (current?.status === "cancelled") await terminateAtCashfree(current);
  } catch (error) {
    // The order's expiry still ends the session; a payment on it would be a late payment, refunded.
    logError("checkout: could not check whether the order was replaced meanwhile", error);
  }
}

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
    productPagesChangedAfterResponse();
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
