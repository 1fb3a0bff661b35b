import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";

import { ProductGrid } from "@/components/product/product-grid";
import { categorySlug, listCategories, listProducts } from "@/lib/products";

// Metadata and page both need it: one query per request.
const findCategory = cache(async (slug: string) =>
  (await listCategories()).find((category) => categorySlug(category) === slug),
);

export async function generateMetadata({ params }: { params: Promise<{ category: string }> }): Promise<Metadata> {
  await connection();
  const category = await findCategory((await params).category);
  return { title: category ?? "Category not found" };
}

export default async function CategoryPage({ params }: { params: Promise<{ category: string }> }) {
  await connection();
  const category = await findCategory((await params).category);
  if (!category) notFound();
  const products = await listProducts({ category });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{category}</h1>
      <ProductGrid products={products} label={category} />
    </div>
  );
}
