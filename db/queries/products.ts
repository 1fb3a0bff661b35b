import { and, asc, desc, eq, gt, gte, isNull, lte, type SQL, sql } from "drizzle-orm";

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

export const CATALOG_SORTS = ["featured", "relevance", "price_asc", "price_desc", "newest"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export interface ListProductsParams {
  category?: string;
  /** Typed by the shopper: matched with typos forgiven (trigrams) and by words (full text). */
  search?: string;
  featuredOnly?: boolean;
  minPricePaise?: number;
  maxPricePaise?: number;
  inStockOnly?: boolean;
  sort?: CatalogSort;
  limit?: number;
  offset?: number;
}

/** How well a product matches the search: the better of trigram word similarity and full-text rank. */
const searchScore = (search: string) =>
  sql<number>`greatest(word_similarity(${search}, ${products.searchText}), ts_rank(${products.searchVector}, websearch_to_tsquery('english', ${search})))`;

/**
 * Close enough in spelling (word similarity ≥ 0.5: "filtr cofee" scores 0.53 against "coorg filter coffee"; pg_trgm's
 * default of 0.6 for `<%` misses it), or the words themselves anywhere, the description included.
 */
const SIMILAR_ENOUGH = 0.5;
const searchMatch = (search: string) =>
  sql`(word_similarity(${search}, ${products.searchText}) >= ${SIMILAR_ENOUGH} or ${products.searchVector} @@ websearch_to_tsquery('english', ${search}))`;

function orderFor(params: ListProductsParams): SQL[] {
  const byName = asc(products.name);
  switch (params.sort ?? (params.search ? "relevance" : "featured")) {
    case "relevance":
      return params.search ? [desc(searchScore(params.search)), byName] : [desc(products.featured), byName];
    case "price_asc":
      return [asc(products.pricePaise), byName];
    case "price_desc":
      return [desc(products.pricePaise), byName];
    case "newest":
      return [desc(products.createdAt), byName];
    default:
      return [desc(products.featured), byName];
  }
}

/** A page of the live catalog, filtered and sorted, with the number of products that match in all. */
export async function listProducts(db: Database, params: ListProductsParams = {}) {
  const filters: SQL[] = [isNull(products.archivedAt)];
  if (params.category) filters.push(eq(products.category, params.category));
  if (params.search) filters.push(searchMatch(params.search));
  if (params.featuredOnly) filters.push(eq(products.featured, true));
  if (params.minPricePaise !== undefined) filters.push(gte(products.pricePaise, params.minPricePaise));
  if (params.maxPricePaise !== undefined) filters.push(lte(products.pricePaise, params.maxPricePaise));
  if (params.inStockOnly) filters.push(gt(products.stock, 0));
  const rows = await db
    .select({ ...productColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products)
    .where(and(...filters))
    .orderBy(...orderFor(params))
    .limit(params.limit ?? 100)
    .offset(params.offset ?? 0);
  return { rows, total: rows[0]?.total ?? 0 };
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

/** Every live product's address and last change, for the sitemap. */
export function listProductUpdates(db: Database) {
  return db
    .select({ slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(isNull(products.archivedAt))
    .orderBy(asc(products.slug));
}
