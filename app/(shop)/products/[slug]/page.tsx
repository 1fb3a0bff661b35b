import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ProductPurchase } from "@/components/product/product-purchase";
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
        product={{ slug: product.slug, images: product.images, options: product.options, variants: product.variants }}
        maxPerLine={MAX_QUANTITY_PER_LINE}
        sku={typeof variant === "string" ? variant : null}
        header={
          <>
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
          </>
        }
        details={
          <>
            <p className="text-sm text-stone-600">Inclusive of GST. Free shipping on orders over ₹999.</p>
            <p className="leading-relaxed text-stone-800">{product.description}</p>
          </>
        }
      />
    </>
  );
}
