import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";

import { CatalogListing } from "@/components/product/catalog-listing";
import { listingQuery, parseListing } from "@/lib/catalog-query";
import { categorySlug, findProducts, listCategories } from "@/lib/products";

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
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{category}</h1>
      <CatalogListing
        path={`/categories/${slug}`}
        listing={{ ...listing, category: undefined }}
        products={products}
        total={total}
        label={category}
      />
    </div>
  );
}
