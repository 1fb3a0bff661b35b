import { TruckIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

import { categorySlug, listCategories } from "@/lib/products";

import { CartLink } from "./cart-link";
import { type MenuLink, MobileMenu, SearchSheet } from "./header-sheets";
import { SearchBox } from "./search-box";

const FIND_ORDER = { href: "/orders/find", label: "Track order" };

/** The phone menu's second list, below the categories. */
const HELP_LINKS: MenuLink[] = [
  FIND_ORDER,
  { href: "/policies/shipping", label: "Shipping" },
  { href: "/policies/refunds", label: "Returns" },
  { href: "/policies/contact", label: "Contact us" },
];

/**
 * The shop's header, in vercel/commerce's three zones (components/layout/navbar/index.tsx): the name and the
 * categories, the search, then the icons. Phones get Dawn's icon row instead (sections/header.liquid): menu, name,
 * search, cart; the categories and search open as sheets. The slot left of the cart is the shopper's own: "Track
 * order" while the shop has no shopper accounts, an account link once it has them.
 */
export async function SiteHeader() {
  // A header without categories still lets the shopper search and pay; the page below reports what failed.
  const categories = (await listCategories().catch(() => [])).map((name) => ({
    href: `/categories/${categorySlug(name)}`,
    label: name,
  }));
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface">
      <div className="mx-auto flex h-header max-w-page items-center gap-1 px-4 sm:px-6 lg:h-16 lg:gap-6 lg:px-8">
        <MobileMenu categories={categories} links={HELP_LINKS} />
        <Link href="/" className="truncate text-lg font-semibold tracking-tight text-brand-800 lg:text-xl">
          Kaveri &amp; Co.
        </Link>
        <nav aria-label="Main" className="hidden lg:block">
          <ul className="flex items-center gap-5 text-sm font-medium text-muted">
            {categories.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="whitespace-nowrap hover:text-ink hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1 lg:gap-3">
          <div className="hidden w-72 lg:block xl:w-80">
            <SearchBox />
          </div>
          <SearchSheet />
          <Link
            href={FIND_ORDER.href}
            className="hidden min-h-11 items-center gap-2 rounded-control px-2 text-sm font-medium whitespace-nowrap text-ink hover:bg-stone-100 lg:inline-flex"
          >
            <TruckIcon className="size-6" />
            {FIND_ORDER.label}
          </Link>
          <CartLink />
        </div>
      </div>
    </header>
  );
}
