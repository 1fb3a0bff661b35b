import type { Metadata } from "next";

import { CatalogListing } from "@/components/product/catalog-listing";
import { listingQuery, parseListing } from "@/lib/catalog-query";
import { categorySlug, findProducts, listCategories } from "@/lib/products";

export const metadata: Metadata = { title: "Search", robots: { index: false }, alternates: { canonical: "/search" } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Search and the whole catalog: typed words (typos forgiven), category, price, stock, sort and page, in the URL. */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const listing = parseListing(await searchParams);
  const categories = await listCategories();
  const category = categories.find((name) => categorySlug(name) === listing.category);
  const { products, total } = await findProducts(listingQuery(listing, category));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{listing.q ? `Results for “${listing.q}”` : "All products"}</h1>
      <CatalogListing
        path="/search"
        listing={listing}
        products={products}
        total={total}
        label={listing.q ? "Search results" : "All products"}
        categories={categories}
      />
    </div>
  );
}
