"use client";

import { type ReactNode, useState } from "react";

import { AddToCart } from "@/components/cart/add-to-cart";
import type { ProductDetail, VariantView } from "@/lib/products";
import { variantFor, variantHref } from "@/lib/variants";

import { Price } from "./price";
import { ProductGallery } from "./product-gallery";
import { StockBadge } from "./stock-badge";
import { VariantPicker } from "./variant-picker";

type PurchaseProps = {
  product: Pick<ProductDetail, "slug" | "images" | "options" | "variants">;
  maxPerLine: number;
  /** Breadcrumb and title, above the price. */
  header: ReactNode;
  /** The description and notes, below the price. */
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
export function ProductPurchase({ product, maxPerLine, header, details, sku }: PurchaseProps) {
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
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <ProductGallery key={shownPhoto} images={product.images} initial={shownPhoto} />
      <div className="space-y-4">
        {header}
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          {variant ? (
            <>
              <Price paise={variant.pricePaise} className="text-2xl font-semibold" />
              <StockBadge level={variant.stockLevel} />
              {variant.title && <span className="text-sm text-stone-600">SKU {variant.sku}</span>}
            </>
          ) : (
            <p className="font-medium">This combination is not sold.</p>
          )}
        </div>
        {product.options.length > 0 && (
          <VariantPicker options={product.options} variants={product.variants} chosen={chosen} onChoose={choose} />
        )}
        <AddToCart
          key={variant?.id}
          variantId={variant?.id ?? ""}
          soldOut={!variant || variant.stock <= 0}
          maxQuantity={Math.max(1, Math.min(maxPerLine, variant?.stock ?? 1))}
        />
        {details}
      </div>
    </div>
  );
}
