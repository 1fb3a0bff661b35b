import Link from "next/link";

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
}

const field = "mt-1 block rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm";

/**
 * Sort, filters, the result count, the grid and the pager. A plain GET form: the URL carries every choice, so a
 * reload or a shared link shows the same list, and it works before (and without) JavaScript.
 */
export function CatalogListing({ path, listing, products, total, label, categories }: CatalogListingProps) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const sorts = CATALOG_SORTS.filter((sort) => sort !== "relevance" || listing.q);
  return (
    <div className="space-y-4">
      <form method="get" action={path} aria-label="Sort and filter" className="flex flex-wrap items-end gap-3">
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
            className={`${field} w-24`}
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
            className={`${field} w-24`}
          />
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
          <input name="stock" type="checkbox" value="in" defaultChecked={listing.stock === "in"} />
          In stock only
        </label>
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
      </form>
      <p role="status" className="text-sm text-stone-600">
        {total === 1 ? "1 product" : `${total} products`}
        {pages > 1 && ` · page ${listing.page} of ${pages}`}
      </p>
      {/* Cards title their products with h3: the list gets its h2, so headings never skip a level. */}
      <h2 className="sr-only">{label}</h2>
      <ProductGrid products={products} label={label} />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-center gap-2 text-sm">
          {listing.page > 1 && (
            <Link href={listingHref(path, listing, { page: listing.page - 1 })} className="rounded border px-3 py-1">
              Previous
            </Link>
          )}
          {Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
            <Link
              key={page}
              href={listingHref(path, listing, { page })}
              aria-current={page === listing.page ? "page" : undefined}
              className={`rounded border px-3 py-1 ${page === listing.page ? "bg-brand-600 text-white" : ""}`}
            >
              {page}
            </Link>
          ))}
          {listing.page < pages && (
            <Link href={listingHref(path, listing, { page: listing.page + 1 })} className="rounded border px-3 py-1">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
