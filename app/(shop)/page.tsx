import Link from "next/link";
import { connection } from "next/server";

import { CategoryChips } from "@/components/product/category-chips";
import { ProductGrid } from "@/components/product/product-grid";
import { ShopPromises } from "@/components/product/shop-promises";
import { primaryButton } from "@/components/ui/empty-state";
import { listCategories, listProducts } from "@/lib/products";

export default async function HomePage() {
  await connection();
  const [products, categories] = await Promise.all([listProducts(), listCategories()]);
  const featured = products.filter((_, index) => index < 4);
  const rest = products.slice(4);

  return (
    <div className="space-y-12 lg:space-y-16">
      <section className="rounded-card bg-brand-50 px-5 py-8 text-center sm:px-10 sm:py-10 lg:py-16">
        <h1 className="text-display font-semibold tracking-tight text-brand-800">Indian craft, delivered</h1>
        <p className="mx-auto mt-4 max-w-xl text-base text-stone-700 lg:text-lg">
          Brass, cotton, clay and leaf from makers across India, packed with care and paid for securely.
        </p>
        <div className="mt-6 flex justify-center">
          <Link href="/search" className={primaryButton}>
            Shop all products
          </Link>
        </div>
        <div className="mt-6">
          <CategoryChips categories={categories} label="Categories" />
        </div>
      </section>
      <ShopPromises layout="strip" />
      <section aria-labelledby="featured-heading" className="space-y-4">
        <h2 id="featured-heading" className="text-xl font-semibold lg:text-2xl">
          Featured
        </h2>
        <ProductGrid products={featured} label="Featured products" />
      </section>
      <section aria-labelledby="all-heading" className="space-y-4">
        <h2 id="all-heading" className="text-xl font-semibold lg:text-2xl">
          All products
        </h2>
        <ProductGrid products={rest} label="All products" priorityCount={0} />
      </section>
    </div>
  );
}
