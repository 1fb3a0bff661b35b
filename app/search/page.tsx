import type { Metadata } from "next";

import { ProductGrid } from "@/components/product/product-grid";
import { listProducts } from "@/lib/products";

export const metadata: Metadata = { title: "Search", robots: { index: false } };

const MAX_QUERY = 80;

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const query = (typeof raw === "string" ? raw : "").trim().slice(0, MAX_QUERY);
  const products = query ? await listProducts({ search: query }) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{query ? `Results for “${query}”` : "Search the shop"}</h1>
      {query ? (
        <ProductGrid products={products} label="Search results" />
      ) : (
        <p className="text-stone-600">Type a product name in the search box above.</p>
      )}
    </div>
  );
}
