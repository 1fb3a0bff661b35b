import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { getCartId } from "@/lib/cart";

import { orderPagePath } from "./ids";
import { isSettled, type OrderStatus } from "./transitions";

interface NewestOrder {
  status: OrderStatus;
  createdAt: Date;
  cartUpdatedAt: Date;
  latestAttemptStatus: string | null;
}

/**
 * The cart's checkout is over when its newest order was paid (or reached us and awaits a check) and nothing was
 * added to the cart since, or when a payment on it is still with the bank: taking a payment again would charge
 * twice. Any other order (unpaid, failed, expired) leaves the checkout open: it continues or replaces that order.
 */
export function checkoutIsUnderway(order: NewestOrder) {
  if (isSettled(order.status)) return order.cartUpdatedAt <= order.createdAt;
  return order.status === "awaiting_payment" && order.latestAttemptStatus === "PENDING";
}

/**
 * Where the checkout page sends the shopper instead of offering to pay again: the order page of the cart's paid
 * or paying order (Back after paying, a bookmarked or reopened checkout), or null. The cart cookie is the shopper
 * who placed the order, so its link (with the token) is theirs.
 */
export async function underwayOrderPath(): Promise<string | null> {
  const cartId = await getCartId();
  if (!cartId) return null;
  const order = await queries.getNewestOrderOfCart(await getDb(), cartId);
  return order && checkoutIsUnderway(order) ? orderPagePath(order.id, order.accessToken) : null;
}
