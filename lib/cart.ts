import "server-only";

import { cookies } from "next/headers";
import { z } from "zod";

import { getDb } from "@/db";
import * as queries from "@/db/queries/cart";
import type { Result } from "@/lib/actions/result";
import { env } from "@/lib/env";
import { quoteGst } from "@/lib/gst/quote";
import { computeTotals, MAX_QUANTITY_PER_LINE, type Totals } from "@/lib/pricing";
import { getSetting } from "@/lib/settings";
import { variantHref, variantName } from "@/lib/variants";

const CART_COOKIE = "cart_id";

interface CartLine {
  variantId: string;
  /** Its product page, with this variant chosen. */
  href: string;
  /** With the variant's values: "Coorg Filter Coffee, 250 g · Filter". */
  name: string;
  sku: string;
  imagePath: string;
  unitPricePaise: number;
  hsnCode: string;
  gstRateBps: number;
  quantity: number;
  lineTotalPaise: number;
  stock: number;
}

export interface CartView {
  id: string | null;
  lines: CartLine[];
  itemCount: number;
  totals: Totals;
  /** What changed since the shopper added things: sold out, fewer left, no longer sold. */
  notices: string[];
}

type CartChange = Result;

const EMPTY: CartView = { id: null, lines: [], itemCount: 0, totals: computeTotals([]), notices: [] };

/** The cart id from the shopper's cookie, if it is well formed. */
export async function getCartId(): Promise<string | undefined> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  return value && z.uuid().safeParse(value).success ? value : undefined;
}

async function getOrCreateCartId(): Promise<string> {
  const db = await getDb();
  const existing = await getCartId();
  if (existing && (await queries.cartExists(db, existing))) return existing;
  const id = await queries.createCart(db);
  (await cookies()).set(CART_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.isPublicDeployment,
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  return id;
}

/**
 * The shopper's cart, priced from the database. Lines that can no longer be bought as they are are corrected
 * here (quantity lowered to the stock left, sold-out or withdrawn items removed) and each change is explained.
 */
export async function correctAndLoadCart(): Promise<CartView> {
  const cartId = await getCartId();
  if (!cartId) return EMPTY;
  const db = await getDb();
  const rows = await queries.listCartLines(db, cartId);
  const notices: string[] = [];
  const lines: CartLine[] = [];
  for (const row of rows) {
    const name = variantName(row.productName, row.optionValues);
    if (row.withdrawn || row.stock <= 0) {
      await queries.removeCartItem(db, cartId, row.variantId);
      notices.push(
        row.withdrawn
          ? `${name} is no longer sold and was removed from your cart.`
          : `${name} is sold out and was removed from your cart.`,
      );
      continue;
    }
    let quantity = row.quantity;
    if (quantity > row.stock) {
      quantity = row.stock;
      await queries.setCartItemQuantity(db, cartId, row.variantId, quantity);
      notices.push(`Only ${row.stock} left of ${name}: we changed your quantity to ${row.stock}.`);
    }
    lines.push({
      variantId: row.variantId,
      href: variantHref(row.slug, row),
      name,
      sku: row.sku,
      imagePath: row.imagePath,
      unitPricePaise: row.unitPricePaise,
      hsnCode: row.hsnCode,
      gstRateBps: row.gstRateBps,
      quantity,
      stock: row.stock,
      lineTotalPaise: row.unitPricePaise * quantity,
    });
  }
  return {
    id: cartId,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    totals: computeTotals(lines),
    notices,
  };
}

/** What the cart drawer shows: plain data for a client component. */
export interface CartSnapshot {
  lines: {
    variantId: string;
    name: string;
    /** The product page, with this variant chosen. */
    href: string;
    imagePath: string;
    unitPricePaise: number;
    quantity: number;
    maxQuantity: number;
  }[];
}

export async function cartSnapshot(): Promise<CartSnapshot> {
  const cart = await correctAndLoadCart();
  return {
    lines: cart.lines.map((line) => ({
      variantId: line.variantId,
      name: line.name,
      href: line.href,
      imagePath: line.imagePath,
      unitPricePaise: line.unitPricePaise,
      quantity: line.quantity,
      maxQuantity: Math.min(MAX_QUANTITY_PER_LINE, line.stock),
    })),
  };
}

/**
 * The GST inside the cart's total, both ways it can fall: within the store's state (CGST + SGST) and from
 * another state (IGST). Which applies depends on the place of supply the checkout form is given.
 */
export async function cartGst(cart: CartView) {
  const seller = await getSetting("seller");
  const items = cart.lines.map((line) => ({ ...line, productName: line.name }));
  return {
    sellerState: seller.state,
    intraState: quoteGst(items, cart.totals.shippingPaise, "intra_state"),
    interState: quoteGst(items, cart.totals.shippingPaise, "inter_state"),
  };
}

export type CartGst = Awaited<ReturnType<typeof cartGst>>;

export async function addToCart(variantId: string, quantity: number): Promise<CartChange> {
  const db = await getDb();
  const variant = await queries.getVariantStock(db, variantId);
  if (!variant || variant.withdrawn) return { ok: false, error: "This product is no longer sold." };
  const name = variantName(variant.productName, variant.optionValues);
  if (variant.stock <= 0) return { ok: false, error: `${name} is sold out.` };
  const cartId = await getOrCreateCartId();
  const line = await queries.addCartItem(
    db,
    cartId,
    variantId,
    quantity,
    Math.min(MAX_QUANTITY_PER_LINE, variant.stock),
  );
  return addedResult({ name, requested: quantity, ...line, stock: variant.stock });
}

/**
 * What adding to the cart says. When the stock (or the per-line limit) cut it short, it says so and how many the
 * cart now holds, never a bare "Added"; when nothing could be added it is a refusal, so no cart drawer opens.
 */
function addedResult(line: {
  name: string;
  requested: number;
  before: number;
  after: number;
  stock: number;
}): CartChange {
  if (line.after >= line.before + line.requested) return { ok: true, message: `Added ${line.name} to your cart.` };
  const limit =
    line.stock <= MAX_QUANTITY_PER_LINE ? `Only ${line.stock} left` : `At most ${MAX_QUANTITY_PER_LINE} per order`;
  const message = `${limit} — your cart has ${line.after}.`;
  return line.after > line.before ? { ok: true, message } : { ok: false, error: message };
}

export async function updateCartLine(variantId: string, quantity: number): Promise<CartChange> {
  const cartId = await getCartId();
  if (!cartId) return { ok: false, error: "Your cart is empty." };
  const db = await getDb();
  const variant = await queries.getVariantStock(db, variantId);
  if (!variant || variant.withdrawn || variant.stock <= 0) {
    await queries.removeCartItem(db, cartId, variantId);
    return { ok: false, error: "That product is no longer available and was removed." };
  }
  const allowed = Math.min(quantity, variant.stock);
  await queries.setCartItemQuantity(db, cartId, variantId, allowed);
  return allowed < quantity
    ? { ok: false, error: `Only ${variant.stock} left of ${variantName(variant.productName, variant.optionValues)}.` }
    : { ok: true, message: "Cart updated." };
}

export async function removeCartLine(variantId: string): Promise<CartChange> {
  const cartId = await getCartId();
  if (cartId) await queries.removeCartItem(await getDb(), cartId, variantId);
  return { ok: true, message: "Removed from your cart." };
}

/** For the header badge: a read-only count (the cart page, not the header, corrects and explains lines). */
export async function getCartItemCount(): Promise<number> {
  const cartId = await getCartId();
  if (!cartId) return 0;
  const rows = await queries.listCartLines(await getDb(), cartId);
  return rows.reduce((n, row) => n + row.quantity, 0);
}
