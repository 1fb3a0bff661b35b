import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-products";
import type { Admin } from "@/lib/auth/admins";
import { imageStorage } from "@/lib/storage";

export interface ProductInput {
  name: string;
  slug: string;
  description: string;
  category: string;
  pricePaise: number;
  hsnCode: string;
  gstRateBps: number;
  featured: boolean;
  /** Checked by its content, not its name or claimed type (lib/images.ts). */
  image?: Buffer;
}

export async function listCatalog() {
  return queries.listAllProducts(await getDb());
}

export async function getCatalogProduct(id: string) {
  const db = await getDb();
  const product = await queries.getProductById(db, id);
  return product ? { product, adjustments: await queries.listStockAdjustments(db, id) } : null;
}

export async function saveProduct(id: string | null, input: ProductInput) {
  const db = await getDb();
  const imagePath = input.image ? await imageStorage.save(input.image) : undefined;
  const values = {
    name: input.name,
    slug: input.slug,
    description: input.description,
    category: input.category,
    pricePaise: input.pricePaise,
    hsnCode: input.hsnCode,
    gstRateBps: input.gstRateBps,
    featured: input.featured,
  };
  if (id) {
    await queries.updateProduct(db, id, { ...values, ...(imagePath ? { imagePath } : {}) });
    return id;
  }
  const created = await queries.insertProduct(db, { ...values, imagePath: imagePath ?? "/icon.svg", stock: 0 });
  return created.id;
}

export async function setProductArchived(id: string, archived: boolean) {
  await queries.updateProduct(await getDb(), id, { archivedAt: archived ? new Date() : null });
}

/** Returns the new stock, or null when the change would take stock below zero. */
export async function adjustStock(admin: Admin, id: string, delta: number, reason: string) {
  return queries.adjustProductStock(await getDb(), id, delta, reason, admin.email);
}
