import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-products";
import { getProductImage } from "@/db/queries/product-images";
import { listVariants } from "@/db/queries/products";
import { type Audit, fieldsOf } from "@/lib/audit/record";
import type { Admin } from "@/lib/auth/admins";
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

export interface VariantInput {
  sku: string;
  pricePaise: number;
  /** One of the product's photos, or none (the product's cover shows). */
  imageId: string | null;
}

/**
 * Answers the product's slug (its pages must refresh), or why it cannot be saved. The variant is locked while it
 * changes, and its audit row (SKU, price and photo before and after) is written in the same transaction.
 */
export async function saveVariant(
  variantId: string,
  input: VariantInput,
  audit?: Audit,
): Promise<{ slug: string } | { error: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const variant = await queries.lockVariant(tx, variantId);
    if (!variant) return { error: "That variant is gone." };
    if (input.imageId) {
      const image = await getProductImage(tx, input.imageId);
      if (image?.productId !== variant.productId) return { error: "Choose one of this product's photos." };
    }
    if (await queries.skuTaken(tx, input.sku, variantId)) return { error: "Another variant already uses that SKU." };
    await queries.updateVariant(tx, variantId, input);
    await audit?.writeIn(tx, {
      before: fieldsOf(variant, input),
      after: { ...input },
      detail: { productId: variant.productId },
    });
    const product = await queries.getProductById(tx, variant.productId);
    return { slug: product!.slug };
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

/**
 * Answers the new stock, or null when the change would take it below zero. The audit row (the stock before and
 * after, from the one UPDATE that changed it) commits with the change.
 */
export async function adjustStock(admin: Admin, variantId: string, delta: number, reason: string, audit?: Audit) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const stock = await queries.adjustVariantStock(tx, variantId, delta, reason, admin.email);
    if (stock === null) return null;
    const variant = await queries.getVariant(tx, variantId);
    await audit?.writeIn(tx, {
      before: { stock: stock - delta },
      after: { stock },
      detail: { delta, reason, sku: variant?.sku, productId: variant?.productId },
    });
    return stock;
  });
}
