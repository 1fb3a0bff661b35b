import Link from "next/link";

import { getCartItemCount } from "@/lib/cart";

export async function CartLink() {
  const itemCount = await getCartItemCount();
  return (
    <Link href="/cart" className="hover:text-brand-700">
      Cart{itemCount > 0 && <span className="ml-1 rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white" aria-label={`${itemCount} items`}>{itemCount}</span>}
    </Link>
  );
}
