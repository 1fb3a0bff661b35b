// GET /api/search/suggest?q=… – up to six products for the header's search box (typos forgiven)
import { NextResponse } from "next/server";
import { z } from "zod";

import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { formatInr } from "@/lib/money";
import { listProducts } from "@/lib/products";
import { limitRoute } from "@/lib/rate-limit";

const querySchema = z.string().trim().min(2).max(80);

export async function GET(request: Request) {
  const query = querySchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!query.success) return NextResponse.json({ suggestions: [] });
  const limited = await limitRoute(["searchSuggestPerAddress", clientAddress(request.headers, env.trustedProxyHops)]);
  if (limited) return limited;
  const products = await listProducts({ search: query.data, limit: 6 });
  return NextResponse.json(
    {
      suggestions: products.map((product) => ({
        slug: product.slug,
        name: product.name,
        price: `${product.priceVaries ? "from " : ""}${formatInr(product.pricePaise, { style: "price" })}`,
      })),
    },
    // The same words ask the same question for a minute: browsers and CDNs may answer it.
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}
