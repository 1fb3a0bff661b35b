import type { MetadataRoute } from "next";

import { env } from "@/lib/env";
import { POLICY_SLUGS } from "@/lib/policies";
import { categorySlug, listCategories, listProductUpdates } from "@/lib/products";

// Read from the database on each request: the build has none, and a new product should appear at once.
export const dynamic = "force-dynamic";

/** Every page a search engine should know: home, categories, each live product, the policies. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [products, categories] = await Promise.all([listProductUpdates(), listCategories()]);
  const url = (path: string) => `${env.appUrl}${path}`;
  return [
    { url: url("/"), changeFrequency: "daily", priority: 1 },
    ...categories.map((category) => ({
      url: url(`/categories/${categorySlug(category)}`),
      changeFrequency: "daily" as const,
    })),
    ...products.map((product) => ({
      url: url(`/products/${product.slug}`),
      lastModified: product.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
    ...POLICY_SLUGS.map((slug) => ({
      url: url(`/policies/${slug}`),
      changeFrequency: "monthly" as const,
      priority: 0.2,
    })),
  ];
}
