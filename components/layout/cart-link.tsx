"use client";

import { ShoppingBagIcon } from "@heroicons/react/24/outline";
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

  // The bubble is for the eye; the link's name says it in words ("Cart, 2 items"): Dawn's header cart bubble.
  const items = count === 1 ? "1 item" : `${count} items`;
  return (
    <Link
      href="/cart"
      className="relative inline-flex size-11 items-center justify-center rounded-control text-ink hover:bg-stone-100"
    >
      <ShoppingBagIcon className="size-6" />
      <span className="sr-only">{count > 0 ? `Cart, ${items}` : "Cart"}</span>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[11px] font-semibold text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
