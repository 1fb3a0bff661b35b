import { and, asc, desc, eq, gt, gte, isNull, lte, type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { productImages, products, productVariants } from "../schema";

/** A variant no longer sold, by itself or as part of its product (join products to use it). */
export const variantWithdrawn = sql<boolean>`(${products.archivedAt} is not null or ${productVariants.archivedAt} is not null)`;

/**
 * Per product, over its variants on sale: the lowest and highest price and the units left in all. A product with
 * no variant on sale has no row, so it is not listed (there is nothing to buy).
 */
function offers(db: Database) {
  return db
    .select({
      productId: productVariants.productId,
      minPricePaise: sql<number>`min(${productVariants.pricePaise})`.mapWith(Number).as("min_price_paise"),
      maxPricePaise: sql<number>`max(${productVariants.pricePaise})`.mapWith(Number).as("max_price_paise"),
      stock: sql<number>`sum(${productVariants.stock})::int`.mapWith(Number).as("stock"),
    })
    .from(productVariants)
    .where(isNull(productVariants.archivedAt))
    .groupBy(productVariants.productId)
    .as("offers");
}

type Offers = ReturnType<typeof offers>;

const productColumns = (o: Offers) => ({
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  category: products.category,
  currency: products.currency,
  imagePath: products.imagePath,
  featured: products.featured,
  options: products.options,
  /** The lowest price of its variants ("from ₹…" when they differ). */
  pricePaise: o.minPricePaise,
  maxPricePaise: o.maxPricePaise,
  stock: o.stock,
});

export type ProductRow = Omit<Awaited<ReturnType<typeof listProducts>>["rows"][number], "total">;

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

function orderFor(params: ListProductsParams, o: Offers): SQL[] {
  const byName = asc(products.name);
  switch (params.sort ?? (params.search ? "relevance" : "featured")) {
    case "relevance":
      return params.search ? [desc(searchScore(params.search)), byName] : [desc(products.featured), byName];
    case "price_asc":
      return [asc(o.minPricePaise), byName];
    case "price_desc":
      return [desc(o.minPricePaise), byName];
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
  // A product is in the price range when its lowest price ("from ₹…", what its card shows) is.
  const o = offers(db);
  if (params.minPricePaise !== undefined) filters.push(gte(o.minPricePaise, params.minPricePaise));
  if (params.maxPricePaise !== undefined) filters.push(lte(o.minPricePaise, params.maxPricePaise));
  if (params.inStockOnly) filters.push(gt(o.stock, 0));
  const rows = await db
    .select({ ...productColumns(o), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products)
    .innerJoin(o, eq(o.productId, products.id))
    .where(and(...filters))
    .orderBy(...orderFor(params, o))
    .limit(params.limit ?? 100)
    .offset(params.offset ?? 0);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The Legal Metrology declarations a product page shows (lib/declarations.ts). */
export const declarationColumns = {
  prepackaged: products.prepackaged,
  food: products.food,
  genericName: products.genericName,
  countryOfOrigin: products.countryOfOrigin,
  makerRole: products.makerRole,
  makerName: products.makerName,
  makerAddress: products.makerAddress,
  bestBefore: products.bestBefore,
};

export async function getProductBySlug(db: Database, slug: string) {
  const o = offers(db);
  const [row] = await db
    .select({ ...productColumns(o), ...declarationColumns })
    .from(products)
    .innerJoin(o, eq(o.productId, products.id))
    .where(and(eq(products.slug, slug), isNull(products.archivedAt)));
  return row;
}

/**
 * A product's variants in the owner's order, each with the photo that shows it (if one is chosen): those on sale
 * (the shop), or all of them with the archived ones last (the admin).
 */
export function listVariants(db: Database, productId: string, { onSaleOnly }: { onSaleOnly: boolean }) {
  const ofProduct = eq(productVariants.productId, productId);
  return db
    .select({
      id: productVariants.id,
      sku: productVariants.sku,
      optionValues: productVariants.optionValues,
      pricePaise: productVariants.pricePaise,
      mrpPaise: productVariants.mrpPaise,
      netQuantity: productVariants.netQuantity,
      netQuantityUnit: productVariants.netQuantityUnit,
      stock: productVariants.stock,
      imageId: productVariants.imageId,
      imagePath: productImages.path,
      position: productVariants.position,
      archivedAt: productVariants.archivedAt,
    })
    .from(productVariants)
    .leftJoin(productImages, eq(productImages.id, productVariants.imageId))
    .where(onSaleOnly ? and(ofProduct, isNull(productVariants.archivedAt)) : ofProduct)
    .orderBy(
      sql`${productVariants.archivedAt} is not null`,
      asc(productVariants.position),
      asc(productVariants.createdAt),
    );
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
