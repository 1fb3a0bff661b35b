import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AddToCart } from "@/components/cart/add-to-cart";
import { Price } from "@/components/product/price";
import { ProductGallery } from "@/components/product/product-gallery";
import { StockBadge } from "@/components/product/stock-badge";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/lib/env";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing";
import { categorySlug, getProduct } from "@/lib/products";
import { productStructuredData } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  if (!product) return { title: "Not found" };
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.name, description: product.description, url: `/products/${product.slug}` },
  };
}

/**
 * Rendered on first visit, then served from cache. Any stock or product change (checkout, expiry, admin)
 * revalidates product pages at once (lib/products.ts); the time limit is only a backstop.
 */
export const revalidate = 300;

/** None at build time (the build has no database); each page is rendered on its first visit, then cached. */
export async function generateStaticParams() {
  return [];
}

export default async function ProductPage({ params }: Props) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const categoryPath = `/categories/${categorySlug(product.category)}`;
  const structured = productStructuredData(product, env.appUrl, categoryPath);
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <JsonLd data={structured.product} />
      <JsonLd data={structured.breadcrumbs} />
      <ProductGallery images={product.images} />
      <div className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
          <Link href="/" className="hover:underline">
            Shop
          </Link>{" "}
          /{" "}
          <Link href={categoryPath} className="hover:underline">
            {product.category}
          </Link>
        </nav>
        <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
        <div className="flex items-center gap-3">
          <Price paise={product.pricePaise} className="text-2xl font-semibold" />
          <StockBadge level={product.stockLevel} />
        </div>
        <p className="text-sm text-stone-600">Inclusive of GST. Free shipping on orders over ₹999.</p>
        <p className="leading-relaxed text-stone-800">{product.description}</p>
        <AddToCart
          productId={product.id}
          soldOut={product.stockLevel === "sold_out"}
          maxQuantity={Math.max(1, Math.min(MAX_QUANTITY_PER_LINE, product.stock))}
        />
      </div>
    </div>
  );
}
