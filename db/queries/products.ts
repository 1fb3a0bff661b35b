import { and, asc, desc, eq, ilike, isNull, type SQL } from "drizzle-orm";

import type { Database } from "../client";
import { products } from "../schema";

const productColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  category: products.category,
  pricePaise: products.pricePaise,
  currency: products.currency,
  imagePath: products.imagePath,
  stock: products.stock,
  featured: products.featured,
};

export type ProductRow = { [K in keyof typeof productColumns]: (typeof productColumns)[K]["_"]["data"] };

export interface ListProductsParams {
  category?: string;
  search?: string;
  featuredOnly?: boolean;
  limit?: number;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listProducts(db: Database, params: ListProductsParams = {}): Promise<ProductRow[]> {
  const filters: SQL[] = [isNull(products.archivedAt)];
  if (params.category) filters.push(eq(products.category, params.category));
  if (params.search) filters.push(ilike(products.name, `%${escapeLike(params.search)}%`));
  if (params.featuredOnly) filters.push(eq(products.featured, true));
  return db
    .select(productColumns)
    .from(products)
    .where(and(...filters))
    .orderBy(desc(products.featured), asc(products.name))
    .limit(params.limit ?? 100);
}

export async function getProductBySlug(db: Database, slug: string): Promise<ProductRow | undefined> {
  const [row] = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.slug, slug), isNull(products.archivedAt)));
  return row;
}

export async function listCategories(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ category: products.category })
    .from(products)
    .where(isNull(products.archivedAt))
    .orderBy(asc(products.category));
  return rows.map((r) => r.category);
}
