import { and, asc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { cartItems, carts, productImages, products, productVariants } from "../schema";
import { variantWithdrawn } from "./products";

export async function createCart(db: Database) {
  const [row] = await db.insert(carts).values({}).returning({ id: carts.id });
  return row!.id;
}

export async function cartExists(db: Database, cartId: string) {
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId));
  return !!row;
}

/** The variant's photo if it has one, else its product's cover. */
const variantImage = sql<string>`coalesce(${productImages.path}, ${products.imagePath})`;

/**
 * Lines joined with their variants and products: prices and stock as they are now, never as the browser
 * remembers them.
 */
export function listCartLines(db: Database, cartId: string) {
  return db
    .select({
      variantId: productVariants.id,
      productId: products.id,
      slug: products.slug,
      productName: products.name,
      optionValues: productVariants.optionValues,
      sku: productVariants.sku,
      imagePath: variantImage,
      unitPricePaise: productVariants.pricePaise,
      hsnCode: products.hsnCode,
      gstRateBps: products.gstRateBps,
      stock: productVariants.stock,
      withdrawn: variantWithdrawn,
      quantity: cartItems.quantity,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(productImages, eq(productImages.id, productVariants.imageId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(products.name), asc(productVariants.position));
}

/**
 * Adds to a line (or creates it), capped at `maxQuantity`. Answers the line's quantity before and after, so the
 * caller can say when the cap cut the addition short.
 */
export async function addCartItem(
  db: Database,
  cartId: string,
  variantId: string,
  quantity: number,
  maxQuantity: number,
): Promise<{ before: number; after: number }> {
  const [existing] = await db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
  const [line] = await db
    .insert(cartItems)
    .values({ cartId, variantId, quantity: Math.min(quantity, maxQuantity) })
    .onConflictDoUpdate({
      target: [cartItems.cartId, cartItems.variantId],
      set: { quantity: sql`least(${cartItems.quantity} + ${quantity}, ${maxQuantity})` },
    })
    .returning({ quantity: cartItems.quantity });
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
  return { before: existing?.quantity ?? 0, after: line!.quantity };
}

export async function setCartItemQuantity(db: Database, cartId: string, variantId: string, quantity: number) {
  await db
    .update(cartItems)
    .set({ quantity })
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
}

export async function removeCartItem(db: Database, cartId: string, variantId: string) {
  await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
}

export async function getVariantStock(db: Database, variantId: string) {
  const [row] = await db
    .select({
      stock: productVariants.stock,
      withdrawn: variantWithdrawn,
      productName: products.name,
      optionValues: productVariants.optionValues,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(productVariants.id, variantId));
  return row;
}
