"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link in the admin's navigation, marked aria-current="page" on its own page and the pages under it. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  // The dashboard is /admin itself; every other section owns the pages below it (an order under Orders).
  const current = href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-ink aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 lg:min-h-9"
    >
      {children}
    </Link>
  );
}
