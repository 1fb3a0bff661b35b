"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { ok, type Result } from "@/lib/actions/result";
import { addToCart, type CartSnapshot, cartSnapshot, removeCartLine, updateCartLine } from "@/lib/cart";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing";

const variantId = z.uuid("Unknown product.");

// Variant id and quantity only: prices are never taken from the browser.
const lineSchema = z.object({
  variantId,
  quantity: z.coerce
    .number()
    .int("Choose a whole number.")
    .min(1, "Choose at least 1.")
    .max(MAX_QUANTITY_PER_LINE, `At most ${MAX_QUANTITY_PER_LINE} per order.`),
});

/** Every change answers with the cart as the server now has it, so the drawer shows the truth after its guess. */
async function withCart(result: Result): Promise<Result<{ cart: CartSnapshot }>> {
  revalidatePath("/cart");
  return result.ok ? ok(result.message, { cart: await cartSnapshot() }) : result;
}

export const addToCartAction = shopAction(lineSchema, async (data) =>
  withCart(await addToCart(data.variantId, data.quantity)),
);

export const updateCartLineAction = shopAction(lineSchema, async (data) =>
  withCart(await updateCartLine(data.variantId, data.quantity)),
);

export const removeCartLineAction = shopAction(z.object({ variantId }), async (data) =>
  withCart(await removeCartLine(data.variantId)),
);
