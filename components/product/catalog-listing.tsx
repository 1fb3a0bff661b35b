import Link from "next/link";
import type { ReactNode } from "react";

import { CATALOG_SORTS, type Listing, listingHref, PAGE_SIZE, SORT_LABELS } from "@/lib/catalog-query";
import { categorySlug, type ProductSummary } from "@/lib/products";

import { ProductGrid } from "./product-grid";

interface CatalogListingProps {
  /** The page's path: filters and pages link back to it. */
  path: string;
  listing: Listing;
  products: ProductSummary[];
  total: number;
  label: string;
  /** Offered as a filter on the search page; a category page is one already. */
  categories?: string[];
  /** Shown instead of the grid when nothing matches: the page knows what to suggest. */
  empty: ReactNode;
}

const field = "mt-1 block h-11 w-full rounded-control border border-line-input bg-surface px-2 text-base lg:text-sm";
const pagerLink = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-control border border-line px-3";

/**
 * Sort, filters, the result count, the grid and the pager. A plain GET form: the URL carries every choice, so a
 * reload or a shared link shows the same list, and it works before (and without) JavaScript.
 */
export function CatalogListing({ path, listing, products, total, label, categories, empty }: CatalogListingProps) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const sorts = CATALOG_SORTS.filter((sort) => sort !== "relevance" || listing.q);
  return (
    <div className="space-y-4">
      <form
        method="get"
        action={path}
        aria-label="Sort and filter"
        className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
      >
        {listing.q && <input type="hidden" name="q" value={listing.q} />}
        {categories && (
          <label className="text-sm font-medium">
            Category
            <select name="category" defaultValue={listing.category ?? ""} className={field}>
              <option value="">All</option>
              {categories.map((category) => (
                <option key={category} value={categorySlug(category)}>
                  {category}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium">
          Sort by
          <select name="sort" defaultValue={listing.sort ?? (listing.q ? "relevance" : "featured")} className={field}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Min ₹
          <input
            name="min"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={listing.min}
            className={`${field} sm:w-28`}
          />
        </label>
        <label className="text-sm font-medium">
          Max ₹
          <input
            name="max"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={listing.max}
            className={`${field} sm:w-28`}
          />
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
          <input
            name="stock"
            type="checkbox"
            value="in"
            defaultChecked={listing.stock === "in"}
            className="size-5 accent-brand-600"
          />
          In stock only
        </label>
        <button
          type="submit"
          className="h-11 rounded-control bg-accent px-5 text-sm font-semibold text-white hover:bg-accent-hover"
        >
          Apply
        </button>
      </form>
      <p role="status" className="text-sm text-muted">
        {total === 1 ? "1 product" : `${total} products`}
        {pages > 1 && ` · page ${listing.page} of ${pages}`}
      </p>
      {/* Cards title their products with h3: the list gets its h2, so headings never skip a level. */}
      <h2 className="sr-only">{label}</h2>
      {products.length > 0 ? <ProductGrid products={products} label={label} /> : empty}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-center gap-2 text-sm">
          {listing.page > 1 && (
            <Link href={listingHref(path, listing, { page: listing.page - 1 })} className={pagerLink}>
              Previous
            </Link>
          )}
          {Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
            <Link
              key={page}
              href={listingHref(path, listing, { page })}
              aria-current={page === listing.page ? "page" : undefined}
              className={`${pagerLink} ${page === listing.page ? "border-accent bg-accent text-white" : ""}`}
            >
              {page}
            </Link>
          ))}
          {listing.page < pages && (
            <Link href={listingHref(path, listing, { page: listing.page + 1 })} className={pagerLink}>
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
