import "server-only";

import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { after } from "next/server";

import { getDatabaseIdentity, getDb } from "@/db";
import { listProductImages } from "@/db/queries/product-images";
import * as queries from "@/db/queries/products";
import { declarationsOf, type NetQuantity, netQuantityOf, type ProductDeclarations } from "@/lib/declarations";
import { slugSchema } from "@/lib/schemas";
import { type ProductOption, variantTitle } from "@/lib/variants";

const LOW_STOCK_THRESHOLD = 5;

export type StockLevel = "in_stock" | "low_stock" | "sold_out";

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  category: string;
  /** The lowest of its variants' prices. */
  pricePaise: number;
  /** Its variants cost different amounts: the card says "from". */
  priceVaries: boolean;
  imagePath: string;
  stockLevel: StockLevel;
  /** Units left, all variants together. */
  stock: number;
}

export interface VariantView {
  id: string;
  sku: string;
  /** "250 g · Filter"; empty for a product without options. */
  title: string;
  optionValues: string[];
  pricePaise: number;
  /** Maximum retail price, inclusive of all taxes; null where the owner has not declared it. */
  mrpPaise: number | null;
  netQuantity: NetQuantity | null;
  stock: number;
  stockLevel: StockLevel;
  /** The photo that shows this variant, if the owner chose one. */
  imagePath: string | null;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  /** The gallery in the owner's order; the first is the cover. */
  images: { path: string; alt: string }[];
  options: ProductOption[];
  /** On sale, in the owner's order; sold-out ones included (shown, not choosable). */
  variants: VariantView[];
  /** What the Legal Metrology rules ask the page to declare (pack sizes and MRPs are the variants'). */
  declarations: ProductDeclarations;
}

function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return "sold_out";
  return stock <= LOW_STOCK_THRESHOLD ? "low_stock" : "in_stock";
}

function toSummary(row: queries.ProductRow): ProductSummary & { description: string } {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    category: row.category,
    description: row.description,
    pricePaise: row.pricePaise,
    priceVaries: row.maxPricePaise !== row.pricePaise,
    imagePath: row.imagePath,
    stock: row.stock,
    stockLevel: stockLevel(row.stock),
  };
}

export async function listProducts(params: queries.ListProductsParams = {}): Promise<ProductSummary[]> {
  return (await findProducts(params)).products;
}

/** A page of products and how many match in all (for "24 products" and the pager). */
export async function findProducts(params: queries.ListProductsParams) {
  const { rows, total } = await queries.listProducts(await getDb(), params);
  return { products: rows.map(toSummary), total };
}

/**
 * Cache tags, owned here: the product data pages read is cached under these tags (the pages themselves render per
 * request, for the CSP nonce), and every change that can make it stale calls one of the functions below, never a
 * path string.
 */
const PRODUCTS_TAG = "products";
const productTag = (slug: string) => `product:${slug}`;

/**
 * One product for its page, cached under its tags until a change expires them. An address no product can have
 * (`/products/%00`: PostgreSQL refuses a NUL in text with an error) is not looked up. The cache (.next/cache on
 * disk, or Redis) outlives the database: keyed by the database's identity too, an entry read from a database since
 * recreated (other variant ids, which "Add to cart" would refuse as no longer sold) is never served from another.
 */
export async function getProduct(slug: string): Promise<ProductDetail | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  const database = await getDatabaseIdentity();
  return unstable_cache(
    async () => {
      const db = await getDb();
      const row = await queries.getProductBySlug(db, slug);
      if (!row) return undefined;
      const [images, variants] = await Promise.all([
        listProductImages(db, row.id),
        queries.listVariants(db, row.id, { onSaleOnly: true }),
      ]);
      return {
        ...toSummary(row),
        images: images.length
          ? images.map(({ path, alt }) => ({ path, alt }))
          : [{ path: row.imagePath, alt: row.name }],
        options: row.options,
        declarations: declarationsOf(row),
        variants: variants.map(({ id, sku, optionValues, pricePaise, mrpPaise, stock, imagePath, ...pack }) => ({
          id,
          sku,
          optionValues,
          pricePaise,
          mrpPaise,
          netQuantity: netQuantityOf(pack),
          stock,
          imagePath,
          title: variantTitle(optionValues),
          stockLevel: stockLevel(stock),
        })),
      };
    },
    ["product", slug, database],
    { tags: [PRODUCTS_TAG, productTag(slug)] },
  )();
}

export async function listProductUpdates() {
  return queries.listProductUpdates(await getDb());
}

export async function listCategories(): Promise<string[]> {
  return queries.listCategories(await getDb());
}

export function categorySlug(category: string) {
  return category
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Stock or a product changed: cached product pages are stale. Outside a Next request (the reconcile CLI,
 * tests) there is no cache to clear and revalidatePath throws; the pages' revalidate window covers that.
 */
export function productPagesChanged() {
  // Expired at once ({ expire: 0 }), not served stale: a shopper must not see stock that was just sold.
  refresh(() => revalidateTag(PRODUCTS_TAG, { expire: 0 }));
}

/**
 * The same, once the response has gone: for a shopper's server action (checkout holds stock). Invalidating inside
 * a server action also re-renders the shopper's current page into the action's answer, which nobody reads there
 * (the shopper is on the way to pay); after the response it costs the shopper nothing.
 */
export function productPagesChangedAfterResponse() {
  try {
    after(productPagesChanged);
  } catch {
    // not in a request: nothing cached here to invalidate
  }
}

/** A merchant edited a product: its page, and every listing that shows it. */
export function productChanged(slug: string) {
  catalogChanged();
  refresh(() => revalidateTag(productTag(slug), { expire: 0 }));
}

/** Stock, archiving or the catalog changed: every shop page may show it. */
export function catalogChanged() {
  productPagesChanged();
  refresh(() => revalidatePath("/", "layout"));
}

function refresh(invalidate: () => void) {
  try {
    invalidate();
  } catch {
    // not in a request: nothing cached here to invalidate
  }
}
