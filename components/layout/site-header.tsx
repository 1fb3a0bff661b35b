import Link from "next/link";
import { Suspense } from "react";

import { CartLink } from "./cart-link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="text-xl font-semibold tracking-tight text-brand-800">
          Kaveri &amp; Co.
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm font-medium text-stone-700">
          <Link href="/" className="hover:text-brand-700">
            Shop
          </Link>
          <Suspense fallback={<Link href="/cart">Cart</Link>}>
            <CartLink />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
