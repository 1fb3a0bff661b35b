import type { ProductSummary } from "@/lib/products";

import { ProductCard } from "./product-card";

export function ProductGrid({ products, label }: { products: ProductSummary[]; label: string }) {
  if (products.length === 0) return <p className="text-stone-600">No products found.</p>;
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} priority={index < 4} />
      ))}
    </ul>
  );
}
