import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";

import { CatalogListing } from "@/components/product/catalog-listing";
import { NoResults } from "@/components/product/no-results";
import { listingHref, listingQuery, parseListing } from "@/lib/catalog-query";
import { categorySlug, findProducts, listCategories, listProducts } from "@/lib/products";

// Metadata and page both need it: one query per request.
const findCategory = cache(async (slug: string) =>
  (await listCategories()).find((category) => categorySlug(category) === slug),
);

type Props = {
  params: Promise<{ category: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const slug = (await params).category;
  const category = await findCategory(slug);
  // Sorted and filtered views are the same page to a search engine.
  return { title: category ?? "Category not found", alternates: { canonical: `/categories/${slug}` } };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  await connection();
  const slug = (await params).category;
  const category = await findCategory(slug);
  if (!category) notFound();
  const listing = parseListing(await searchParams);
  const { products, total } = await findProducts(listingQuery({ ...listing, category: undefined }, category));
  const path = `/categories/${slug}`;
  const [popular, categories] =
    total === 0 ? await Promise.all([listProducts({ limit: 4 }), listCategories()]) : [[], []];
  const filtered = listing.min !== undefined || listing.max !== undefined || Boolean(listing.stock);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold lg:text-3xl">{category}</h1>
      <CatalogListing
        path={path}
        listing={{ ...listing, category: undefined }}
        products={products}
        total={total}
        label={category}
        empty={
          <NoResults
            query={listing.q}
            filtered={filtered}
            clearHref={listingHref(path, listing, {
              category: undefined,
              min: undefined,
              max: undefined,
              stock: undefined,
              page: 1,
            })}
            categories={categories.filter((name) => name !== category)}
            popular={popular}
          />
        }
      />
    </div>
  );
}
