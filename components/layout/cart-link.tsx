"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** Cart components announce changes with this event; the badge then asks the server again. */
const CART_CHANGED = "cart:changed";

export function announceCartChanged() {
  window.dispatchEvent(new Event(CART_CHANGED));
}

export function CartLink() {
  const pathname = usePathname();
  const [count, setCount] = useState(0);

  useEffect(() => {
    let current = true;
    const load = () =>
      fetch("/api/cart/count", { cache: "no-store" })
        .then((response) => (response.ok ? (response.json() as Promise<{ count: number }>) : { count: 0 }))
        .then(({ count: next }) => current && setCount(next))
        .catch(() => undefined);
    void load();
    window.addEventListener(CART_CHANGED, load);
    return () => {
      current = false;
      window.removeEventListener(CART_CHANGED, load);
    };
  }, [pathname]);

  return (
    <Link href="/cart" className="hover:text-brand-700">
      Cart
      {count > 0 && (
        <span className="ml-1 rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white" aria-label={`${count} items`}>
          {count}
        </span>
      )}
    </Link>
  );
}
