import Link from "next/link";
import { connection } from "next/server";

import { ProductGrid } from "@/components/product/product-grid";
import { categorySlug, listCategories, listProducts } from "@/lib/products";

export default async function HomePage() {
  await connection();
  const [products, categories] = await Promise.all([listProducts(), listCategories()]);
  const featured = products.filter((_, index) => index < 4);
  const rest = products.slice(4);

  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-brand-50 px-6 py-10 sm:px-10">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800 sm:text-4xl">Indian craft, delivered</h1>
        <p className="mt-3 max-w-xl text-stone-700">
          Brass, cotton, clay and leaf from makers across India. Free shipping on orders over ₹999.
        </p>
        <nav aria-label="Categories" className="mt-6 flex flex-wrap gap-2">
          {categories.map((category) => (
            <Link
              key={category}
              href={`/categories/${categorySlug(category)}`}
              className="rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-100"
            >
              {category}
            </Link>
          ))}
        </nav>
      </section>
      <section aria-labelledby="featured-heading" className="space-y-4">
        <h2 id="featured-heading" className="text-xl font-semibold">
          Featured
        </h2>
        <ProductGrid products={featured} label="Featured products" />
      </section>
      <section aria-labelledby="all-heading" className="space-y-4">
        <h2 id="all-heading" className="text-xl font-semibold">
          All products
        </h2>
        <ProductGrid products={rest} label="All products" />
      </section>
    </div>
  );
}
