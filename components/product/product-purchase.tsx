"use client";

import { ChevronDownIcon } from "@heroicons/react/24/outline";
import { type ReactNode, useState } from "react";

import { AddToCart } from "@/components/cart/add-to-cart";
import type { ProductDetail, VariantView } from "@/lib/products";
import { variantFor, variantHref } from "@/lib/variants";

import { Mrp, MrpNote } from "./mrp-price";
import { Price } from "./price";
import { ProductGallery } from "./product-gallery";
import { StockBadge } from "./stock-badge";
import { VariantPicker } from "./variant-picker";

type PurchaseProps = {
  product: Pick<ProductDetail, "slug" | "name" | "images" | "options" | "variants">;
  maxPerLine: number;
  /** Breadcrumb and title, above the price. */
  header: ReactNode;
  /** Delivery, returns and payment, beside the button. */
  promises: ReactNode;
  /** The description and what else the page tells, below them. */
  details: ReactNode;
  /** The variant the address names (`?variant=SKU`), if any. */
  sku: string | null;
};

/** The variant a shared link names (`?variant=SKU`), else the first in stock, else the first. */
function initialVariant(variants: VariantView[], sku: string | null) {
  return variants.find((v) => v.sku === sku) ?? variants.find((v) => v.stock > 0) ?? variants[0]!;
}

/**
 * The product's photos, price, stock and "Add to cart" for the chosen variant: the one the address names from the
 * first paint (the page renders per request), then the shopper's choice, written back to the address.
 */
export function ProductPurchase({ product, maxPerLine, header, promises, details, sku }: PurchaseProps) {
  const [chosen, setChosen] = useState(() => initialVariant(product.variants, sku).optionValues);
  const variant = variantFor(product.variants, chosen);
  const choose = (option: number, value: string) => {
    const next = chosen.map((current, i) => (i === option ? value : current));
    setChosen(next);
    const picked = variantFor(product.variants, next);
    // The address names the choice, to share or reload; replaceState keeps Back for leaving the page.
    if (picked) window.history.replaceState(null, "", variantHref(product.slug, picked));
  };
  const shownPhoto = variant?.imagePath ?? product.images[0]!.path;
  const price = variant && (
    <>
      <Price paise={variant.pricePaise} /> <Mrp pricePaise={variant.pricePaise} mrpPaise={variant.mrpPaise} />
    </>
  );
  return (
    // Room at the bottom for the phone's buy bar, so it never covers the page's end.
    <div className="grid gap-6 pb-20 md:grid-cols-2 md:gap-10 md:pb-0 lg:gap-16">
      <div className="-mx-4 -mt-6 sm:mx-0 sm:mt-0 md:sticky md:top-24 md:self-start">
        <ProductGallery key={shownPhoto} images={product.images} initial={shownPhoto} />
      </div>
      <div className="space-y-6">
        <div className="space-y-3">
          {header}
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-live="polite">
            {variant ? (
              <>
                <Price paise={variant.pricePaise} className="text-2xl font-semibold" />
                <Mrp pricePaise={variant.pricePaise} mrpPaise={variant.mrpPaise} />
                <StockBadge level={variant.stockLevel} />
              </>
            ) : (
              <p className="font-medium">This combination is not sold.</p>
            )}
          </div>
          <MrpNote pricePaise={variant?.pricePaise ?? null} mrpPaise={variant?.mrpPaise ?? null} />
        </div>
        {product.options.length > 0 && (
          <VariantPicker options={product.options} variants={product.variants} chosen={chosen} onChoose={choose} />
        )}
        <AddToCart
          key={variant?.id}
          variantId={variant?.id ?? ""}
          soldOut={!variant || variant.stock <= 0}
          maxQuantity={Math.max(1, Math.min(maxPerLine, variant?.stock ?? 1))}
          barPrice={price}
          barTitle={variant?.title ? `${product.name}, ${variant.title}` : product.name}
        />
        {promises}
        {details}
        {variant && (
          // The variant's code is for the merchant and a support mail, not for choosing: out of the way here.
          <details className="group -mt-6 border-b border-line">
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between font-medium">
              Product details
              <ChevronDownIcon aria-hidden="true" className="size-5 text-muted transition group-open:rotate-180" />
            </summary>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 pb-4 text-sm">
              {variant.title && (
                <>
                  <dt className="text-muted">Variant</dt>
                  <dd>{variant.title}</dd>
                </>
              )}
              <dt className="text-muted">Item code</dt>
              <dd className="font-mono">{variant.sku}</dd>
            </dl>
          </details>
        )}
      </div>
    </div>
  );
}
