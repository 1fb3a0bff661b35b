"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { addToCart, removeCartLine, updateCartLine } from "@/lib/cart";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing";

// Product id and quantity only: prices are never taken from the browser.
const lineSchema = z.object({
  productId: z.uuid("Unknown product."),
  quantity: z.coerce
    .number()
    .int("Choose a whole number.")
    .min(1, "Choose at least 1.")
    .max(MAX_QUANTITY_PER_LINE, `At most ${MAX_QUANTITY_PER_LINE} per order.`),
});

export const addToCartAction = shopAction(lineSchema, async (data) => {
  const result = await addToCart(data.productId, data.quantity);
  revalidatePath("/cart");
  return result;
});

export const updateCartLineAction = shopAction(lineSchema, async (data) => {
  const result = await updateCartLine(data.productId, data.quantity);
  revalidatePath("/cart");
  return result;
});

export const removeCartLineAction = shopAction(z.object({ productId: z.uuid("Unknown product.") }), async (data) => {
  const result = await removeCartLine(data.productId);
  revalidatePath("/cart");
  return result;
});
