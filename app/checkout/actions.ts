"use server";

import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import { getCartId } from "@/lib/cart";
import { checkoutRequestSchema } from "@/lib/checkout-schema";
import { orderPagePath, placeOrder } from "@/lib/orders/place-order";

/** Public endpoint: validates everything, trusts no price; the cart comes from the shopper's cookie. */
export const placeOrderAction = shopAction(
  checkoutRequestSchema,
  async (data) => {
    const cartId = await getCartId();
    if (!cartId || !z.uuid().safeParse(cartId).success) return fail("Your cart is empty.", { reload: true });
    const result = await placeOrder({ cartId, ...data });
    if (!result.ok) return fail(result.message, { reload: result.code !== "payment_unavailable" });
    return ok("Opening the payment page.", {
      paymentSessionId: result.paymentSessionId,
      orderPath: orderPagePath(result.orderId, result.accessToken),
    });
  },
  { invalidMessage: "Please check the highlighted fields." },
);
