import { paiseToRupeeString } from "@/lib/money";
import type { ProductDetail } from "@/lib/products";
import { variantHref } from "@/lib/variants";

/**
 * schema.org Product with one offer per variant on sale (its SKU, INR price, availability from its stock, the
 * address that chooses it) and the page's BreadcrumbList.
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
      offers: product.variants.map((variant) => ({
        "@type": "Offer",
        url: `${appUrl}${variantHref(product.slug, variant)}`,
        sku: variant.sku,
        ...(variant.title && { name: variant.title }),
        priceCurrency: "INR",
        price: paiseToRupeeString(variant.pricePaise),
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
