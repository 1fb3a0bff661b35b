"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { addToCart, type CartChange, removeCartLine, updateCartLine } from "@/lib/cart";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing";

// Product id and quantity only: prices are never taken from the browser.
const lineSchema = z.object({
  productId: z.uuid("Unknown product."),
  quantity: z.coerce.number().int("Choose a whole number.").min(1, "Choose at least 1.").max(MAX_QUANTITY_PER_LINE, `At most ${MAX_QUANTITY_PER_LINE} per order.`),
});

function invalid(error: z.ZodError): CartChange {
  return { ok: false, error: error.issues[0]?.message ?? "Invalid request." };
}

export async function addToCartAction(input: z.input<typeof lineSchema>): Promise<CartChange> {
  const parsed = lineSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await addToCart(parsed.data.productId, parsed.data.quantity);
  revalidatePath("/cart");
  return result;
}

export async function updateCartLineAction(input: z.input<typeof lineSchema>): Promise<CartChange> {
  const parsed = lineSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await updateCartLine(parsed.data.productId, parsed.data.quantity);
  revalidatePath("/cart");
  return result;
}

export async function removeCartLineAction(input: { productId: string }): Promise<CartChange> {
  const parsed = z.object({ productId: z.uuid("Unknown product.") }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await removeCartLine(parsed.data.productId);
  revalidatePath("/cart");
  return result;
}
