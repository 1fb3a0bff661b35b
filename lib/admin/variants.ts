import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-products";
import { listProductImages } from "@/db/queries/product-images";
import { listVariants } from "@/db/queries/products";
import { type Audit, fieldsOf } from "@/lib/audit/record";
import type { Admin } from "@/lib/auth/admins";
import { type PackInput, packColumns } from "@/lib/admin/catalog";
import { combinations, type ProductOption, sameValues } from "@/lib/variants";

/** "250 g" → "250G", "Whole bean" → "WHOLEBEAN": the parts of a generated SKU. */
const skuPart = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]+/g, "");

async function uniqueSku(db: Awaited<ReturnType<typeof getDb>>, base: string) {
  for (let n = 1; ; n++) {
    const sku = n === 1 ? base : `${base}-${n}`;
    if (!(await queries.skuTaken(db, sku))) return sku;
  }
}

export type OptionsOutcome = { created: number; archived: number; restored: number } | null;

/**
 * Sets what the shopper chooses and makes the variants follow: every combination of the values has a variant on
 * sale. Existing combinations keep their variant (SKU, price, stock, history); new ones start at the lowest
 * current price with no stock; combinations no longer offered are archived (orders still point at them). A
 * product sold without options keeps its one variant, and its stock, as its first combination.
 */
export async function setProductOptions(
  productId: string,
  options: ProductOption[],
  audit?: Audit,
): Promise<OptionsOutcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const product = await queries.lockProduct(tx, productId);
    if (!product) return null;
    const variants = await listVariants(tx, productId, { onSaleOnly: false });
    const live = variants.filter((v) => !v.archivedAt);
    const startPrice = Math.min(...(live.length ? live : variants).map((v) => v.pricePaise));
    let unvaried = options.length > 0 && live.length === 1 && live[0]!.optionValues.length === 0 ? live[0] : null;
    const kept = new Set<string>();
    const outcome = { created: 0, archived: 0, restored: 0 };

    for (const [position, combo] of combinations(options).entries()) {
      const existing = variants.find((v) => sameValues(v.optionValues, combo));
      if (existing) {
        if (existing.archivedAt) outcome.restored++;
        await queries.updateVariant(tx, existing.id, { position, archivedAt: null });
        kept.add(existing.id);
      } else if (unvaried) {
        await queries.updateVariant(tx, unvaried.id, { optionValues: combo, position });
        kept.add(unvaried.id);
        unvaried = null;
      } else {
        const sku = await uniqueSku(tx, [product.slug.toUpperCase(), ...combo.map(skuPart)].join("-"));
        await queries.insertVariants(tx, [
          { productId, sku, optionValues: combo, pricePaise: startPrice, stock: 0, position },
        ]);
        outcome.created++;
      }
    }
    for (const variant of live) {
      if (kept.has(variant.id)) continue;
      await queries.updateVariant(tx, variant.id, { archivedAt: new Date() });
      outcome.archived++;
    }
    await queries.updateProduct(tx, productId, { options });
    await audit?.writeIn(tx, {
      before: { options: product.options },
      after: { options },
      detail: { variants: outcome },
    });
    return outcome;
  });
}

export interface VariantInput extends PackInput {
  variantId: string;
  /** One of the product's photos, or none (the product's cover shows). */
  imageId: string | null;
}

/**
 * Saves the variants form: each variant's SKU, price, MRP, net quantity and photo, all or none. Answers the
 * product's slug (its pages must refresh) and how many changed, or why nothing was saved. The product is locked
 * while its variants change; the audit row (each changed variant's values before and after, by its SKU) commits
 * with them.
 */
export async function saveVariants(
  productId: string,
  inputs: VariantInput[],
  audit?: Audit,
): Promise<{ slug: string; changed: number } | { error: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const product = await queries.lockProduct(tx, productId);
    if (!product) return { error: "That product is gone." };
    const variants = await listVariants(tx, productId, { onSaleOnly: true });
    const photos = new Set((await listProductImages(tx, productId)).map((image) => image.id));
    if (new Set(inputs.map((input) => input.sku)).size !== inputs.length)
      return { error: "Each variant needs an SKU of its own." };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const input of inputs) {
      const variant = variants.find((v) => v.id === input.variantId);
      if (!variant) return { error: "A variant was taken off sale meanwhile: reload the page." };
      if (input.imageId && !photos.has(input.imageId)) return { error: "Choose one of this product's photos." };
      if (await queries.skuTaken(tx, input.sku, variant.id))
        return { error: `Another variant already uses the SKU ${input.sku}.` };
      const values = { ...packColumns(input), imageId: input.imageId };
      const was = fieldsOf(variant, values);
      if (JSON.stringify(was) === JSON.stringify(values)) continue;
      await queries.updateVariant(tx, variant.id, values);
      before[variant.sku] = was;
      after[variant.sku] = values;
    }
    const changed = Object.keys(after).length;
    if (changed) await audit?.writeIn(tx, { target: { type: "product", id: productId }, before, after });
    return { slug: product.slug, changed };
  });
}

/**
 * Stops or resumes selling one combination. Only a combination the options still offer can be sold again;
 * the last variant on sale cannot stop (archive the product instead).
 */
export async function setVariantOnSale(
  variantId: string,
  onSale: boolean,
  audit?: Audit,
): Promise<{ slug: string } | { error: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const variant = await queries.getVariant(tx, variantId);
    if (!variant) return { error: "That variant is gone." };
    const product = (await queries.lockProduct(tx, variant.productId))!;
    const variants = await listVariants(tx, variant.productId, { onSaleOnly: false });
    if (onSale && !combinations(product.options).some((combo) => sameValues(combo, variant.optionValues)))
      return { error: "Its values are no longer among the product's options." };
    if (!onSale && variants.filter((v) => !v.archivedAt && v.id !== variantId).length === 0)
      return { error: "This is the last variant on sale: archive the product instead." };
    await queries.updateVariant(tx, variantId, { archivedAt: onSale ? null : new Date() });
    await audit?.writeIn(tx, {
      before: { onSale: !variant.archivedAt },
      after: { onSale },
      detail: { productId: variant.productId, sku: variant.sku },
    });
    return { slug: product.slug };
  });
}

/** A stock change that cannot be made: nothing of the form's changes is kept. */
class StockRefused extends Error {}

/**
 * Adds or removes units of several variants of one product, with one reason, all or none. Answers the new stock
 * by SKU, or why nothing changed. The audit row (each variant's stock before and after, from the UPDATE that
 * changed it) commits with the change.
 */
export async function adjustStocks(
  admin: Admin,
  productId: string,
  changes: { variantId: string; delta: number }[],
  reason: string,
  audit?: Audit,
): Promise<{ stock: Record<string, number> } | { error: string }> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const before: Record<string, { stock: number }> = {};
      const after: Record<string, { stock: number }> = {};
      for (const { variantId, delta } of changes) {
        const variant = await queries.getVariant(tx, variantId);
        if (variant?.productId !== productId) throw new StockRefused("That variant is gone: reload the page.");
        const stock = await queries.adjustVariantStock(tx, variantId, delta, reason, admin.email);
        if (stock === null)
          throw new StockRefused(`${variant.sku} has ${variant.stock} in stock: it cannot go below zero.`);
        before[variant.sku] = { stock: stock - delta };
        after[variant.sku] = { stock };
      }
      await audit?.writeIn(tx, { target: { type: "product", id: productId }, before, after, detail: { reason } });
      return { stock: Object.fromEntries(Object.entries(after).map(([sku, { stock }]) => [sku, stock])) };
    });
  } catch (error) {
    if (error instanceof StockRefused) return { error: error.message };
    throw error;
  }
}
