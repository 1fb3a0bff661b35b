import "server-only";

import { revalidatePath } from "next/cache";

import { getDb } from "@/db";
import * as queries from "@/db/queries/products";

const LOW_STOCK_THRESHOLD = 5;

export type StockLevel = "in_stock" | "low_stock" | "sold_out";

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  category: string;
  pricePaise: number;
  imagePath: string;
  stockLevel: StockLevel;
  stock: number;
}

export interface ProductDetail extends ProductSummary {
  description: string;
}

function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return "sold_out";
  return stock <= LOW_STOCK_THRESHOLD ? "low_stock" : "in_stock";
}

function toDetail(row: queries.ProductRow): ProductDetail {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    category: row.category,
    description: row.description,
    pricePaise: row.pricePaise,
    imagePath: row.imagePath,
    stock: row.stock,
    stockLevel: stockLevel(row.stock),
  };
}

export async function listProducts(params: queries.ListProductsParams = {}): Promise<ProductSummary[]> {
  const rows = await queries.listProducts(await getDb(), params);
  return rows.map(toDetail);
}

export async function getProduct(slug: string): Promise<ProductDetail | undefined> {
  const row = await queries.getProductBySlug(await getDb(), slug);
  return row && toDetail(row);
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
  refresh(() => revalidatePath("/products/[slug]", "page"));
}

/** A merchant edited a product: its page, and every listing that shows it. */
export function productChanged(slug: string) {
  catalogChanged();
  refresh(() => revalidatePath(`/products/${slug}`));
}

/** Stock, archiving or the catalog changed: every shop page may show it. */
export function catalogChanged() {
  refresh(() => revalidatePath("/", "layout"));
}

function refresh(invalidate: () => void) {
  try {
    invalidate();
  } catch {
    // not in a request: nothing cached here to invalidate
  }
}
