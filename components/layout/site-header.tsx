import Link from "next/link";

import { CartLink } from "./cart-link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:flex-nowrap sm:px-6">
        <Link href="/" className="text-xl font-semibold tracking-tight text-brand-800">
          Kaveri &amp; Co.
        </Link>
        <form
          action="/search"
          role="search"
          className="order-last w-full sm:order-none sm:w-auto sm:max-w-xs sm:flex-1"
        >
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search products"
            maxLength={80}
            className="w-full rounded-lg border border-stone-300 px-3 py-1.5 text-sm"
          />
        </form>
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
