import { z } from "zod";

import { CATALOG_SORTS, type CatalogSort, type ListProductsParams } from "@/db/queries/products";

export { CATALOG_SORTS };

/**
 * A listing's query string (search, sort, filters, page), parsed leniently: the URL is the state, so a shared or
 * reloaded link shows the same list, and a mangled one falls back to the defaults instead of failing.
 */
export const PAGE_SIZE = 12;
const MAX_QUERY = 80;

const rupees = z.coerce.number().int().min(0).max(10_00_000).optional().catch(undefined);

const listingSchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  /** A category's slug (the search page's filter; a category page has its own path). */
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(CATALOG_SORTS).optional().catch(undefined),
  min: rupees,
  max: rupees,
  stock: z.literal("in").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type Listing = z.output<typeof listingSchema>;

type RawParams = Record<string, string | string[] | undefined>;

export function parseListing(raw: RawParams): Listing {
  const first = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return listingSchema.parse(first);
}

export function listingQuery(listing: Listing, category?: string): ListProductsParams {
  return {
    search: listing.q,
    category,
    sort: listing.sort,
    minPricePaise: listing.min === undefined ? undefined : listing.min * 100,
    maxPricePaise: listing.max === undefined ? undefined : listing.max * 100,
    inStockOnly: listing.stock === "in",
    limit: PAGE_SIZE,
    offset: (listing.page - 1) * PAGE_SIZE,
  };
}

/** The same listing with some parameters changed, as a query string ("" when all are defaults). */
export function listingHref(path: string, listing: Listing, changes: Partial<Listing>) {
  const next = { ...listing, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.category) params.set("category", next.category);
  if (next.sort) params.set("sort", next.sort);
  if (next.min !== undefined) params.set("min", String(next.min));
  if (next.max !== undefined) params.set("max", String(next.max));
  if (next.stock) params.set("stock", next.stock);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const SORT_LABELS: Record<CatalogSort, string> = {
  featured: "Featured",
  relevance: "Best match",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  newest: "Newest",
};
