import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "../client";
import { products, productVariants, stockAdjustments } from "../schema";
import { declarationColumns } from "./products";

type NewVariant = typeof productVariants.$inferInsert;

const live = isNull(productVariants.archivedAt);

/** Every product with its price range, units left and variant count, over its variants on sale. */
export function listAllProducts(db: Database) {
  return db
    .select({
      id: products.id,
      name: products.name,
      category: products.category,
      archivedAt: products.archivedAt,
      ...declarationColumns,
      minPricePaise: sql<number | null>`min(${productVariants.pricePaise}) filter (where ${live})`.mapWith(Number),
      maxPricePaise: sql<number | null>`max(${productVariants.pricePaise}) filter (where ${live})`.mapWith(Number),
      stock: sql<number>`coalesce(sum(${productVariants.stock}) filter (where ${live}), 0)::int`.mapWith(Number),
      variants: sql<number>`count(${productVariants.id}) filter (where ${live})::int`.mapWith(Number),
    })
    .from(products)
    .leftJoin(productVariants, eq(productVariants.productId, products.id))
    .groupBy(products.id)
    .orderBy(asc(products.archivedAt), asc(products.name));
}

/** Every variant on sale's price and pack, for the declarations each product still lacks. */
export function listLivePacks(db: Database) {
  return db
    .select({
      productId: productVariants.productId,
      pricePaise: productVariants.pricePaise,
      mrpPaise: productVariants.mrpPaise,
      netQuantity: productVariants.netQuantity,
      netQuantityUnit: productVariants.netQuantityUnit,
    })
    .from(productVariants)
    .where(live);
}

export async function getProductById(db: Database, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

/** The product's row, locked while its options and variants change, so two editors never interleave. */
export async function lockProduct(db: Database, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id)).for("update");
  return row;
}

/** A new product and the variant it is sold as, together. */
export async function insertProduct(
  db: Database,
  product: typeof products.$inferInsert,
  variant: Omit<NewVariant, "productId">,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(products).values(product).returning();
    await tx.insert(productVariants).values({ ...variant, productId: row!.id });
    return row!;
  });
}

export async function updateProduct(db: Database, id: string, values: Partial<typeof products.$inferInsert>) {
  await db
    .update(products)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(products.id, id));
}

export async function getVariant(db: Database, id: string) {
  const [row] = await db.select().from(productVariants).where(eq(productVariants.id, id));
  return row;
}

/** A variant's row, locked while it changes, so the audit log's "before" is the value really replaced. */
export async function lockVariant(db: Database, id: string) {
  const [row] = await db.select().from(productVariants).where(eq(productVariants.id, id)).for("update");
  return row;
}

export async function insertVariants(db: Database, variants: NewVariant[]) {
  if (variants.length > 0) await db.insert(productVariants).values(variants);
}

export async function updateVariant(db: Database, id: string, values: Partial<NewVariant>) {
  await db
    .update(productVariants)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(productVariants.id, id));
}

/** Is this SKU taken by another variant (of any product)? */
export async function skuTaken(db: Database, sku: string, exceptVariantId?: string) {
  const rows = await db.select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.sku, sku));
  return rows.some((row) => row.id !== exceptVariantId);
}

/** One statement, so a checkout reserving the same variant at the same moment can never be lost. */
export async function adjustVariantStock(db: Database, id: string, delta: number, reason: string, actor: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${delta}`, updatedAt: new Date() })
      .where(and(eq(productVariants.id, id), sql`${productVariants.stock} + ${delta} >= 0`))
      .returning({ stock: productVariants.stock });
    if (!row) return null;
    await tx.insert(stockAdjustments).values({ variantId: id, delta, reason, actor });
    return row.stock;
  });
}

/** The product's last stock changes, across its variants, newest first. */
export function listStockAdjustments(db: Database, productId: string) {
  return db
    .select({
      id: stockAdjustments.id,
      sku: productVariants.sku,
      optionValues: productVariants.optionValues,
      delta: stockAdjustments.delta,
      reason: stockAdjustments.reason,
      actor: stockAdjustments.actor,
      createdAt: stockAdjustments.createdAt,
    })
    .from(stockAdjustments)
    .innerJoin(productVariants, eq(productVariants.id, stockAdjustments.variantId))
    .where(eq(productVariants.productId, productId))
    .orderBy(desc(stockAdjustments.createdAt))
    .limit(50);
}
