import Image from "next/image";
import Link from "next/link";

import type { ProductSummary } from "@/lib/products";

import { Price } from "./price";
import { StockBadge } from "./stock-badge";

/**
 * A square photo over the name and the price, as every anchor's card is (vercel/commerce components/grid/tile.tsx,
 * Dawn snippets/card-product.liquid), with at most one badge, on the photo: only what changes the decision (few
 * left, sold out); "In stock" is what a shop's cards mean anyway.
 */
export function ProductCard({ product, priority = false }: { product: ProductSummary; priority?: boolean }) {
  return (
    <li className="group">
      <Link href={`/products/${product.slug}`} className="block rounded-card">
        <div className="relative overflow-hidden rounded-card bg-well">
          <Image
            src={product.imagePath}
            alt=""
            width={400}
            height={400}
            priority={priority}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            className="aspect-square w-full object-cover transition duration-300 group-hover:scale-[1.03] motion-reduce:transition-none"
          />
          {product.stockLevel !== "in_stock" && (
            <StockBadge level={product.stockLevel} className="absolute top-2 left-2 shadow-sm" />
          )}
        </div>
        <div className="mt-3 space-y-1">
          <h3 className="line-clamp-2 min-h-[2lh] text-sm font-medium text-ink group-hover:text-brand-700 lg:text-base">
            {product.name}
          </h3>
          <p>
            <Price paise={product.pricePaise} from={product.priceVaries} className="text-price" />
          </p>
        </div>
      </Link>
    </li>
  );
}
