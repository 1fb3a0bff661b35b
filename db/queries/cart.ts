import { and, asc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { cartItems, carts, products } from "../schema";

export async function createCart(db: Database) {
  const [row] = await db.insert(carts).values({}).returning({ id: carts.id });
  return row!.id;
}

export async function cartExists(db: Database, cartId: string) {
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId));
  return !!row;
}

/** Lines joined with the products table: prices and stock as they are now, never as the browser remembers them. */
export function listCartLines(db: Database, cartId: string) {
  return db
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      imagePath: products.imagePath,
      unitPricePaise: products.pricePaise,
      hsnCode: products.hsnCode,
      gstRateBps: products.gstRateBps,
      stock: products.stock,
      archivedAt: products.archivedAt,
      quantity: cartItems.quantity,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(products.name));
}

/** Adds to a line (or creates it), capped at `maxQuantity`. */
export async function addCartItem(
  db: Database,
  cartId: string,
  productId: string,
  quantity: number,
  maxQuantity: number,
) {
  await db
    .insert(cartItems)
    .values({ cartId, productId, quantity: Math.min(quantity, maxQuantity) })
    .onConflictDoUpdate({
      target: [cartItems.cartId, cartItems.productId],
      set: { quantity: sql`least(${cartItems.quantity} + ${quantity}, ${maxQuantity})` },
    });
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
}

export async function setCartItemQuantity(db: Database, cartId: string, productId: string, quantity: number) {
  await db
    .update(cartItems)
    .set({ quantity })
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
}

export async function removeCartItem(db: Database, cartId: string, productId: string) {
  await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
}

export async function getProductStock(db: Database, productId: string) {
  const [row] = await db
    .select({ stock: products.stock, archivedAt: products.archivedAt, name: products.name })
    .from(products)
    .where(eq(products.id, productId));
  return row;
}
