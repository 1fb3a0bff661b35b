import { MagnifyingGlassIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

import { EmptyState, secondaryButton } from "@/components/ui/empty-state";
import type { ProductSummary } from "@/lib/products";

import { CategoryChips } from "./category-chips";
import { ProductGrid } from "./product-grid";

/**
 * Nothing matched: say so with what was asked, offer the way back (without the filters, or a broader word), the
 * categories, and what other shoppers buy, so a dead end is one tap from a product (shared/DESIGN.md §3.9).
 */
export function NoResults({
  query,
  filtered,
  clearHref,
  categories,
  popular,
}: {
  query: string | undefined;
  /** A price, stock or category filter narrowed the list. */
  filtered: boolean;
  clearHref: string;
  categories: string[];
  popular: ProductSummary[];
}) {
  return (
    <div className="space-y-10">
      <EmptyState
        icon={MagnifyingGlassIcon}
        title={query ? `No results for “${query}”` : filtered ? "No products match these filters" : "Nothing here yet"}
        actions={
          filtered && (
            <Link href={clearHref} className={secondaryButton}>
              Clear filters
            </Link>
          )
        }
      >
        <p>
          {filtered
            ? "Try a wider price range or fewer filters."
            : query
              ? "Check the spelling, try a broader word, or browse a category."
              : "New pieces are on their way: browse another category meanwhile."}
        </p>
      </EmptyState>
      <CategoryChips categories={categories} label="Browse categories" />
      {popular.length > 0 && (
        <section aria-labelledby="popular-heading" className="space-y-4">
          <h2 id="popular-heading" className="text-xl font-semibold lg:text-2xl">
            Popular right now
          </h2>
          <ProductGrid products={popular} label="Popular products" priorityCount={0} />
        </section>
      )}
    </div>
  );
}
