"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import { getCartId } from "@/lib/cart";
import { pincodeMatchesState } from "@/lib/address/pincodes";
import { checkoutRequestSchema, customerDetailsSchema } from "@/lib/checkout-schema";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { orderPagePath } from "@/lib/orders/ids";
import { checkout } from "@/lib/orders/place-order";

/**
 * The browser's checks again, and the one it cannot make without India Post's list: the PIN code lies in the
 * state, so the place of supply (and CGST + SGST or IGST) never follows a state the PIN code contradicts.
 */
const placeOrderSchema = checkoutRequestSchema.extend({
  customer: customerDetailsSchema.superRefine(pincodeMatchesState),
});

/** Public endpoint: validates everything, trusts no price; the cart comes from the shopper's cookie. */
export const placeOrderAction = shopAction(
  placeOrderSchema,
  async (data) => {
    const cartId = await getCartId();
    if (!cartId || !z.uuid().safeParse(cartId).success) return fail("Your cart is empty.", { reload: true });
    const address = clientAddress(await headers(), env.trustedProxyHops);
    const result = await checkout({ cartId, ...data }, address);
    // Cashfree unreachable or too many attempts: the form stays as it is, to try again.
    if (!result.ok)
      return fail(result.message, { reload: result.code !== "payment_unavailable" && result.code !== "rate_limited" });
    return ok("Opening the payment page.", {
      paymentSessionId: result.paymentSessionId,
      orderPath: orderPagePath(result.orderId, result.accessToken),
    });
  },
  { invalidMessage: "Please check the highlighted fields." },
);
