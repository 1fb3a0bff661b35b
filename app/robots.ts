import type { MetadataRoute } from "next";

import { env } from "@/lib/env";

/** Crawl the shop, not the carts, checkouts, orders, admin or APIs. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/cart", "/checkout", "/orders/", "/search?"] },
    sitemap: `${env.appUrl}/sitemap.xml`,
  };
}
