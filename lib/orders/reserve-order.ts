import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { quoteGst } from "@/lib/gst/quote";
import { placeOfSupply, supplyType } from "@/lib/gst/tax";
import { formatInr } from "@/lib/money";
import { computeTotals } from "@/lib/pricing";
import type { SettingValue } from "@/lib/settings";

import { CheckoutRefusal, type PlaceOrderInput, priceCartLines } from "./checkout-input";
import { newAccessToken, newOrderId } from "./ids";
import { sameCheckout, supersede } from "./replace-open-order";
import { withOrders } from "./unit-of-work";

/** How long stock is held for an unpaid order; also the Cashfree order's expiry (Cashfree needs > 15 minutes). */
const PAYMENT_WINDOW_MINUTES = 20;

export type Reservation = { order: queries.OrderRow; reused: boolean; superseded: queries.OrderRow | null };

/**
 * Re-prices the cart from the database, reserves stock and writes the order, all in one unit of work, under the
 * cart's lock: a cart holds at most one open order. The same checkout again continues that order; a changed one
 * (other details, other lines) replaces it, giving its stock back first, so a cart never holds more stock than
 * it asks for, however many checkouts it starts.
 */
export async function reserveOrder(input: PlaceOrderInput, seller: SettingValue<"seller">): Promise<Reservation> {
  return withOrders(await getDb(), async (orders) => {
    const { tx } = orders;
    const lines = await queries.lockCartLines(tx, input.cartId);
    if (lines.length === 0) throw new CheckoutRefusal("empty_cart", "Your cart is empty.");

    // Locked (FOR UPDATE) by the query: the order writer may change it.
    const open = await queries.getOpenOrderForCart(tx, input.cartId);
    if (open && sameCheckout(open, await queries.listOrderItems(tx, open.id), lines, input))
      return { order: open, reused: true, superseded: null };
    if (open) await supersede(orders, open);

    const locked = await queries.lockVariants(
      tx,
      lines.map((line) => line.variantId),
    );
    const items = priceCartLines(lines, locked);
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
    // Stock was taken (and a replaced order's given back): once the shopper has the answer, pages show it.
    orders.after("refresh_product_pages_after_response");
    return { order: placed, reused: false, superseded: open ?? null };
  });
}
