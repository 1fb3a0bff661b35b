import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { log, logError } from "@/lib/log";

import { SHOPPER } from "./actors";
import type { PlaceOrderInput } from "./checkout-input";
import type { OrderChanges } from "./unit-of-work";

/**
 * A cart holds at most one open order. The same checkout again continues it; a changed one (other details, other
 * lines) replaces it: closed and its stock given back in the new checkout's transaction, and its Cashfree
 * session ended after the commit.
 */

/** The open order is exactly what this checkout would create: the same lines, customer and total. */
export function sameCheckout(
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

/** Closes the cart's previous open order (locked by the caller) and gives its stock back, in the new checkout's unit. */
export async function supersede(orders: OrderChanges, open: queries.OrderRow) {
  await orders.apply(open, [{ type: "checkout_superseded" }], SHOPPER);
}

/** After the commit: the replaced order's Cashfree session must not take a payment any more. */
export async function terminateAtCashfree(order: queries.OrderRow) {
  try {
    await cashfree.terminateOrder(order.id);
  } catch (error) {
    // Not created there yet, or Cashfree is down: it expires by itself, and a payment on it is a late payment.
    if (!isCashfreeError(error)) throw error;
    log.warn({ orderId: order.id, err: error }, "checkout: could not terminate the replaced order at Cashfree");
  }
}

/**
 * A newer checkout of the cart may have replaced this order while its Create Order was in flight: that checkout's
 * terminate then came before Cashfree had the order (404) and did nothing. Whichever comes second, its terminate
 * or this check, sees the other, so a replaced order never keeps a live session at Cashfree.
 */
export async function terminateIfReplaced(orderId: string) {
  try {
    const current = await queries.getOrder(await getDb(), orderId);
    if (current?.status === "cancelled") await terminateAtCashfree(current);
  } catch (error) {
    // The order's expiry still ends the session; a payment on it would be a late payment, refunded.
    logError("checkout: could not check whether the order was replaced meanwhile", error);
  }
}
