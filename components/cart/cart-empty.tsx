import { ShoppingBagIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

import { CategoryChips } from "@/components/product/category-chips";
import { ProductGrid } from "@/components/product/product-grid";
import { EmptyState, primaryButton } from "@/components/ui/empty-state";
import { listCategories, listProducts } from "@/lib/products";

/**
 * An empty cart (its page, and checkout without one): the way back into the shop, its categories and what it
 * features, rather than a dead end (Dawn snippets/cart-drawer.liquid l.33–59, Hydrogen CartMain's CartEmpty).
 */
export async function CartEmpty({ headingLevel }: { headingLevel: 1 | 2 }) {
  const [categories, featured] = await Promise.all([listCategories(), listProducts({ featuredOnly: true, limit: 4 })]);
  return (
    <div className="space-y-10">
      <EmptyState
        icon={ShoppingBagIcon}
        title="Your cart is empty"
        headingLevel={headingLevel}
        actions={
          <Link href="/" className={primaryButton}>
            Continue shopping
          </Link>
        }
      >
        <p>Find something handmade: start with a category.</p>
      </EmptyState>
      <CategoryChips categories={categories} label="Shop by category" />
      {featured.length > 0 && (
        <section aria-labelledby="featured-heading" className="space-y-4">
          <h2 id="featured-heading" className="text-xl font-semibold lg:text-2xl">
            Featured
          </h2>
          <ProductGrid products={featured} label="Featured products" priorityCount={0} />
        </section>
      )}
    </div>
  );
}
