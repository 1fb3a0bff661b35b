import { MagnifyingGlassIcon, MapIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

import { CategoryChips } from "@/components/product/category-chips";
import { EmptyState, primaryButton } from "@/components/ui/empty-state";
import { listCategories } from "@/lib/products";

/** An address that leads nowhere: say so, and offer the ways on (a search, the categories, the shop's front). */
export async function NotFoundPage() {
  const categories = await listCategories().catch(() => []);
  return (
    <div className="space-y-8">
      <EmptyState
        icon={MapIcon}
        title="Page not found"
        headingLevel={1}
        actions={
          <Link href="/" className={primaryButton}>
            Back to the shop
          </Link>
        }
      >
        <p>The page you asked for does not exist or has moved. Search for what you wanted, or pick a category.</p>
      </EmptyState>
      {/* A plain GET form: it works before (and without) JavaScript. */}
      <form action="/search" role="search" className="relative mx-auto w-full max-w-md">
        <label htmlFor="not-found-search" className="sr-only">
          Search products
        </label>
        <MagnifyingGlassIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-muted" />
        <input
          id="not-found-search"
          name="q"
          type="search"
          placeholder="Search products"
          maxLength={80}
          className="h-12 w-full rounded-control border border-line-input bg-surface pr-3 pl-10 text-base"
        />
      </form>
      <CategoryChips categories={categories} label="Browse categories" />
    </div>
  );
}
