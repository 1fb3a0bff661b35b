import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ChevronDownIcon } from "@heroicons/react/24/outline";

import { ProductDeclarations } from "@/components/product/product-declarations";
import { ProductPurchase } from "@/components/product/product-purchase";
import { ShopPromises } from "@/components/product/shop-promises";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/lib/env";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing";
import { categorySlug, getProduct } from "@/lib/products";
import { productStructuredData } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };
type PageProps = Props & { searchParams: Promise<Record<string, string | string[] | undefined>> };

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
 * Rendered per request (the CSP nonce: app/layout.tsx) from the product's cached data, with the variant a shared
 * link names (`?variant=SKU`) already chosen. Any stock, price or product change (checkout, expiry, admin) expires
 * that data at once (lib/products.ts).
 */
export default async function ProductPage({ params, searchParams }: PageProps) {
  const product = await getProduct((await params).slug);
  const variant = (await searchParams).variant;
  if (!product) notFound();
  const categoryPath = `/categories/${categorySlug(product.category)}`;
  const structured = productStructuredData(product, env.appUrl, categoryPath);
  return (
    <>
      <JsonLd data={structured.product} />
      <JsonLd data={structured.breadcrumbs} />
      <ProductPurchase
        product={{
          slug: product.slug,
          name: product.name,
          images: product.images,
          options: product.options,
          variants: product.variants,
        }}
        maxPerLine={MAX_QUANTITY_PER_LINE}
        sku={typeof variant === "string" ? variant : null}
        header={
          <>
            <nav aria-label="Breadcrumb" className="text-sm text-muted">
              <ol className="flex flex-wrap items-center gap-1">
                <li>
                  <Link href="/" className="hover:text-ink hover:underline">
                    Shop
                  </Link>
                </li>
                <li aria-hidden="true">/</li>
                <li>
                  <Link href={categoryPath} className="hover:text-ink hover:underline">
                    {product.category}
                  </Link>
                </li>
              </ol>
            </nav>
            <h1 className="text-2xl font-semibold tracking-tight lg:text-3xl">{product.name}</h1>
          </>
        }
        promises={<ShopPromises layout="rows" />}
        details={
          <>
            <section aria-labelledby="description-heading" className="space-y-2">
              <h2 id="description-heading" className="text-lg font-semibold">
                Description
              </h2>
              <p className="max-w-prose leading-relaxed text-stone-800">{product.description}</p>
            </section>
            <ProductDeclarations product={product} />
            <details className="group border-y border-line">
              <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between font-medium">
                Shipping &amp; returns
                <ChevronDownIcon aria-hidden="true" className="size-5 text-muted transition group-open:rotate-180" />
              </summary>
              <div className="space-y-2 pb-4 text-sm text-stone-800">
                <p>
                  Delivery is charged by the order, never by the item: checkout shows it, and the total, before you pay.{" "}
                  <Link href="/policies/shipping" className="underline">
                    Shipping and delivery policy
                  </Link>
                </p>
                <p>
                  <Link href="/policies/refunds" className="underline">
                    Refund and cancellation policy
                  </Link>
                </p>
              </div>
            </details>
          </>
        }
      />
    </>
  );
}
