import { paiseToRupeeString } from "@/lib/money";
import type { ProductDetail } from "@/lib/products";

/** schema.org Product with its offer (INR, availability from stock) and the page's BreadcrumbList. */
export function productStructuredData(product: ProductDetail, appUrl: string, categoryPath: string) {
  const url = `${appUrl}/products/${product.slug}`;
  return {
    product: {
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.name,
      description: product.description,
      image: product.images.map((image) => `${appUrl}${image.path}`),
      sku: product.slug,
      category: product.category,
      brand: { "@type": "Brand", name: "Kaveri & Co." },
      offers: {
        "@type": "Offer",
        url,
        priceCurrency: "INR",
        price: paiseToRupeeString(product.pricePaise),
        availability:
          product.stockLevel === "sold_out" ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
        itemCondition: "https://schema.org/NewCondition",
      },
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
