import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import type { NewOrderItem } from "@/db/queries/orders";
import { products, productVariants } from "@/db/schema";

/** The variant a seeded product without options is sold as: its id, price and stock. */
export async function soleVariant(db: Database, slug: string) {
  const rows = await db
    .select({
      id: productVariants.id,
      productId: products.id,
      sku: productVariants.sku,
      pricePaise: productVariants.pricePaise,
      stock: productVariants.stock,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug));
  if (rows.length !== 1) throw new Error(`${slug} has ${rows.length} variants, not one`);
  return rows[0]!;
}

export async function variantStock(db: Database, variantId: string) {
  const [row] = await db
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return row!.stock;
}

export async function setVariantStock(db: Database, variantId: string, stock: number) {
  await db.update(productVariants).set({ stock }).where(eq(productVariants.id, variantId));
}

/** One unit of the first seeded variant as an order item, at `unitPricePaise` (its own price if not given). */
export async function firstVariantItem(db: Database, unitPricePaise?: number): Promise<NewOrderItem> {
  const [row] = await db
    .select()
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .limit(1);
  const { products: product, product_variants: variant } = row!;
  const price = unitPricePaise ?? variant.pricePaise;
  return {
    productId: product.id,
    variantId: variant.id,
    sku: variant.sku,
    productName: product.name,
    hsnCode: product.hsnCode,
    gstRateBps: product.gstRateBps,
    unitPricePaise: price,
    quantity: 1,
    lineTotalPaise: price,
  };
}
