import Image from "next/image";
import Link from "next/link";

import type { ProductSummary } from "@/lib/products";

import { Price } from "./price";
import { StockBadge } from "./stock-badge";

export function ProductCard({ product, priority = false }: { product: ProductSummary; priority?: boolean }) {
  return (
    <li className="group overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block">
        <Image
          src={product.imagePath}
          alt=""
          width={400}
          height={400}
          priority={priority}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
          className="aspect-square w-full bg-stone-100 object-cover"
        />
        <div className="space-y-1 p-4">
          <p className="text-xs tracking-wide text-stone-600 uppercase">{product.category}</p>
          <h3 className="font-medium text-ink group-hover:text-brand-700">{product.name}</h3>
          <div className="flex items-center justify-between pt-1">
            <Price paise={product.pricePaise} from={product.priceVaries} className="font-semibold" />
            <StockBadge level={product.stockLevel} />
          </div>
        </div>
      </Link>
    </li>
  );
}
