import { asc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { productImages, products } from "../schema";

/** Holds the product's row while its gallery is rearranged, so two editors never interleave. */
export async function lockGallery(db: Database, productId: string) {
  await db.select({ id: products.id }).from(products).where(eq(products.id, productId)).for("update");
}

export function listProductImages(db: Database, productId: string) {
  return db
    .select()
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
}

export async function getProductImage(db: Database, id: string) {
  const [row] = await db.select().from(productImages).where(eq(productImages.id, id));
  return row;
}

/** Adds photos; answers their ids in the order given. */
export async function insertProductImages(db: Database, images: (typeof productImages.$inferInsert)[]) {
  if (images.length === 0) return [];
  const rows = await db.insert(productImages).values(images).returning({ id: productImages.id });
  return rows.map((row) => row.id);
}

export async function updateProductImage(db: Database, id: string, values: Partial<typeof productImages.$inferInsert>) {
  await db.update(productImages).set(values).where(eq(productImages.id, id));
}

export async function deleteProductImage(db: Database, id: string) {
  await db.delete(productImages).where(eq(productImages.id, id));
}

/** Renumbers the gallery in the given order and copies the first photo to the product as its cover. */
export async function setGalleryOrder(db: Database, productId: string, orderedIds: string[]) {
  for (const [position, id] of orderedIds.entries())
    await db.update(productImages).set({ position }).where(eq(productImages.id, id));
  if (orderedIds.length === 0) return;
  const [cover] = await db
    .select({ path: productImages.path })
    .from(productImages)
    .where(eq(productImages.id, orderedIds[0]!));
  if (cover)
    await db
      .update(products)
      .set({ imagePath: cover.path, updatedAt: sql`now()` })
      .where(eq(products.id, productId));
}
