import { type NetQuantity, unitCode } from "@/lib/declarations";
import { paiseToRupeeString } from "@/lib/money";
import type { ProductDetail, VariantView } from "@/lib/products";
import { variantHref } from "@/lib/variants";

/** A net quantity as schema.org's QuantitativeValue, with its UN/CEFACT unit code. */
const quantitativeValue = (quantity: NetQuantity) => ({
  "@type": "QuantitativeValue",
  value: quantity.value,
  unitCode: unitCode(quantity.unit),
});

/**
 * The offer's prices: what it sells for, per its pack (referenceQuantity: the price of 250 g), and its MRP as the
 * list price (https://schema.org/ListPrice), which search engines may show struck through.
 */
function priceSpecification(variant: VariantView) {
  const specs = [
    ...(variant.netQuantity
      ? [
          {
            "@type": "UnitPriceSpecification",
            price: paiseToRupeeString(variant.pricePaise),
            priceCurrency: "INR",
            referenceQuantity: quantitativeValue(variant.netQuantity),
          },
        ]
      : []),
    ...(variant.mrpPaise !== null
      ? [
          {
            "@type": "UnitPriceSpecification",
            priceType: "https://schema.org/ListPrice",
            price: paiseToRupeeString(variant.mrpPaise),
            priceCurrency: "INR",
          },
        ]
      : []),
  ];
  return specs.length ? { priceSpecification: specs } : {};
}

/** The product's declarations that schema.org has properties for: origin, maker, and the one pack's weight. */
function declared(product: ProductDetail) {
  const { countryOfOrigin, makerRole, makerName, makerAddress } = product.declarations;
  const [only] = product.variants.length === 1 ? product.variants : [];
  const mass = only?.netQuantity && ["mg", "g", "kg"].includes(only.netQuantity.unit) ? only.netQuantity : null;
  return {
    ...(countryOfOrigin && { countryOfOrigin: { "@type": "Country", name: countryOfOrigin } }),
    // schema.org has a manufacturer, not a packer, marketer or importer: only a manufacturer is named so.
    ...(makerRole === "manufacturer" &&
      makerName && {
        manufacturer: {
          "@type": "Organization",
          name: makerName,
          ...(makerAddress && { address: { "@type": "PostalAddress", streetAddress: makerAddress } }),
        },
      }),
    ...(mass && { weight: quantitativeValue(mass) }),
  };
}

/**
 * schema.org Product with one offer per variant on sale (its SKU, INR price, availability from its stock, the
 * address that chooses it, its pack and MRP) and the page's BreadcrumbList.
 */
export function productStructuredData(product: ProductDetail, appUrl: string, categoryPath: string) {
  const url = `${appUrl}/products/${product.slug}`;
  const [only] = product.variants.length === 1 ? product.variants : [];
  return {
    product: {
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.name,
      description: product.description,
      image: product.images.map((image) => `${appUrl}${image.path}`),
      ...(only && { sku: only.sku }),
      category: product.category,
      brand: { "@type": "Brand", name: "Kaveri & Co." },
      ...declared(product),
      offers: product.variants.map((variant) => ({
        "@type": "Offer",
        url: `${appUrl}${variantHref(product.slug, variant)}`,
        sku: variant.sku,
        ...(variant.title && { name: variant.title }),
        priceCurrency: "INR",
        price: paiseToRupeeString(variant.pricePaise),
        ...priceSpecification(variant),
        availability: variant.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
        itemCondition: "https://schema.org/NewCondition",
      })),
    },
    breadcrumbs: {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Shop", item: `${appUrl}/` },
        { "@type": "ListItem", position: 2, name: product.category, item: `${appUrl}${categoryPath}` },
        { "@type": "ListItem", position: 3, name: product.name, item: url },
      ],
    },
  };
}
