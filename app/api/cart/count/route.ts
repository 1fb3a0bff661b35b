// GET /api/cart/count – the header's cart badge. Fetched by the browser so shop pages can be cached:
// reading the cart cookie while rendering would make every page dynamic.
import { getCartItemCount } from "@/lib/cart";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ count: await getCartItemCount() }, { headers: { "cache-control": "private, no-store" } });
}
