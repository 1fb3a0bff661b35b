import Link from "next/link";

import { CartLink } from "./cart-link";
import { SearchBox } from "./search-box";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:flex-nowrap sm:px-6">
        <Link href="/" className="text-xl font-semibold tracking-tight text-brand-800">
          Kaveri &amp; Co.
        </Link>
        <SearchBox />
        <nav aria-label="Main" className="flex items-center gap-5 text-sm font-medium text-stone-700">
          <Link href="/" className="hover:text-brand-700">
            Shop
          </Link>
          <CartLink />
        </nav>
      </div>
    </header>
  );
}
