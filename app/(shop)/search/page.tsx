import type { Metadata } from "next";

import { CatalogListing } from "@/components/product/catalog-listing";
import { NoResults } from "@/components/product/no-results";
import { listingHref, listingQuery, parseListing } from "@/lib/catalog-query";
import { categorySlug, findProducts, listCategories, listProducts } from "@/lib/products";

export const metadata: Metadata = { title: "Search", robots: { index: false }, alternates: { canonical: "/search" } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Search and the whole catalog: typed words (typos forgiven), category, price, stock, sort and page, in the URL. */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const listing = parseListing(await searchParams);
  const categories = await listCategories();
  const category = categories.find((name) => categorySlug(name) === listing.category);
  const { products, total } = await findProducts(listingQuery(listing, category));
  // Only a dead end needs suggestions: the featured products, as the home page shows them first.
  const popular = total === 0 ? await listProducts({ limit: 4 }) : [];
  const filtered = Boolean(listing.category || listing.min !== undefined || listing.max !== undefined || listing.stock);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold lg:text-3xl">
        {listing.q ? `Results for “${listing.q}”` : "All products"}
      </h1>
      <CatalogListing
        path="/search"
        listing={listing}
        products={products}
        total={total}
        label={listing.q ? "Search results" : "All products"}
        categories={categories}
        empty={
          <NoResults
            query={listing.q}
            filtered={filtered}
            clearHref={listingHref("/search", listing, {
              category: undefined,
              min: undefined,
              max: undefined,
              stock: undefined,
              page: 1,
            })}
            categories={categories}
            popular={popular}
          />
        }
      />
    </div>
  );
}
