import { asc, desc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { products, stockAdjustments } from "../schema";

export function listAllProducts(db: Database) {
  return db.select().from(products).orderBy(asc(products.archivedAt), asc(products.name));
}

export async function getProductById(db: Database, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

export async function insertProduct(db: Database, product: typeof products.$inferInsert) {
  const [row] = await db.insert(products).values(product).returning();
  return row!;
}

export async function updateProduct(db: Database, id: string, values: Partial<typeof products.$inferInsert>) {
  await db
    .update(products)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(products.id, id));
}

/** One statement, so a checkout reserving the same product at the same moment can never be lost. */
export async function adjustProductStock(db: Database, id: string, delta: number, reason: string, actor: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${delta}`, updatedAt: new Date() })
      .where(sql`${products.id} = ${id} AND ${products.stock} + ${delta} >= 0`)
      .returning({ stock: products.stock });
    if (!row) return null;
    await tx.insert(stockAdjustments).values({ productId: id, delta, reason, actor });
    return row.stock;
  });
}

export function listStockAdjustments(db: Database, productId: string) {
  return db
    .select()
    .from(stockAdjustments)
    .where(eq(stockAdjustments.productId, productId))
    .orderBy(desc(stockAdjustments.createdAt))
    .limit(50);
}
