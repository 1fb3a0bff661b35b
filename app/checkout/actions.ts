"use server";

import { z } from "zod";

import { getCartId } from "@/lib/cart";
import { checkoutRequestSchema, type CheckoutRequest, type CustomerField } from "@/lib/checkout-schema";
import { logError } from "@/lib/log";
import { orderPagePath, placeOrder } from "@/lib/orders/place-order";

export type PlaceOrderActionResult =
  | { ok: true; paymentSessionId: string; orderPath: string }
  | { ok: false; error: string; fieldErrors?: Partial<Record<CustomerField, string>>; reload?: boolean };

/** Public endpoint: validates everything, trusts no price; the cart comes from the shopper's cookie. */
export async function placeOrderAction(input: CheckoutRequest): Promise<PlaceOrderActionResult> {
  const parsed = checkoutRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<CustomerField, string>> = {};
    for (const issue of parsed.error.issues) {
      const [scope, field] = issue.path;
      if (scope === "customer" && typeof field === "string") fieldErrors[field as CustomerField] ??= issue.message;
    }
    return { ok: false, error: "Please check the highlighted fields.", fieldErrors };
  }
  const cartId = await getCartId();
  if (!cartId || !z.uuid().safeParse(cartId).success) return { ok: false, error: "Your cart is empty.", reload: true };

  try {
    const result = await placeOrder({ cartId, ...parsed.data });
    if (!result.ok) return { ok: false, error: result.message, reload: result.code !== "payment_unavailable" };
    return { ok: true, paymentSessionId: result.paymentSessionId, orderPath: orderPagePath(result.orderId, result.accessToken) };
  } catch (error) {
    // Logged here, redacted, rather than by the framework with the failed query's parameters (the shopper's details).
    logError("checkout failed", error);
    return { ok: false, error: "We could not place your order just now. Nothing was charged: please try again in a moment." };
  }
}
