import type { ProductSummary } from "@/lib/products";

import { ProductCard } from "./product-card";

/** Two columns on phones, four on desktops; Dawn halves the gap on phones (layout/theme.liquid). */
export function ProductGrid({
  products,
  label,
  priorityCount = 4,
}: {
  products: ProductSummary[];
  label: string;
  /** The first cards are the page's largest paint: loaded eagerly. */
  priorityCount?: number;
}) {
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-2 gap-x-3 gap-y-8 sm:grid-cols-3 lg:grid-cols-4 lg:gap-x-6 lg:gap-y-10"
    >
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} priority={index < priorityCount} />
      ))}
    </ul>
  );
}
