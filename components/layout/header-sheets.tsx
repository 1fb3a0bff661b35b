"use client";

import { Bars3Icon, ChevronRightIcon, MagnifyingGlassIcon } from "@heroicons/react/24/outline";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

import { Drawer, DrawerClose } from "@/components/ui/drawer";

import { SearchBox } from "./search-box";

/** The desktop header shows what these sheets hold (lg, 1024 px: Tailwind's breakpoint); the sheets then close. */
const DESKTOP = "(min-width: 64rem)";

/**
 * A sheet that is open on the page it was opened on: following a link or a suggestion to another page closes it
 * (vercel/commerce's mobile menu closes on every route change), and so does growing into the desktop layout.
 */
function useSheet() {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  useEffect(() => {
    if (!open) return;
    const desktop = window.matchMedia(DESKTOP);
    const close = () => desktop.matches && setOpenOn(null);
    desktop.addEventListener("change", close);
    return () => desktop.removeEventListener("change", close);
  }, [open]);
  return { open, show: () => setOpenOn(pathname), hide: () => setOpenOn(null) };
}

const iconButton =
  "inline-flex size-11 items-center justify-center rounded-control text-ink hover:bg-stone-100 lg:hidden";
const row = "flex min-h-12 items-center justify-between px-4 text-base hover:bg-brand-50";

export interface MenuLink {
  href: string;
  label: string;
}

/** Phones' menu: the categories first, then the ways to an order and the shop's promises. */
export function MobileMenu({ categories, links }: { categories: MenuLink[]; links: MenuLink[] }) {
  const sheet = useSheet();
  const heading = useId();
  return (
    <>
      <button
        type="button"
        aria-label="Menu"
        aria-haspopup="dialog"
        aria-expanded={sheet.open}
        onClick={sheet.show}
        className={`-ml-2 ${iconButton}`}
      >
        <Bars3Icon className="size-6" />
      </button>
      <Drawer open={sheet.open} onClose={sheet.hide} side="left" labelledBy={heading}>
        <div className="flex h-full flex-col overflow-y-auto">
          <div className="flex h-header items-center justify-between border-b border-line px-4">
            <h2 id={heading} className="text-lg font-semibold text-brand-800">
              Menu
            </h2>
            <DrawerClose label="Close menu" onClick={sheet.hide} />
          </div>
          <nav aria-label="Menu" onClick={(event) => (event.target as Element).closest("a") && sheet.hide()}>
            <p className="px-4 pt-4 pb-1 text-caption font-medium tracking-wide text-muted uppercase">Shop</p>
            <ul>
              {categories.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={`${row} font-medium`}>
                    {link.label}
                    <ChevronRightIcon className="size-5 text-muted" />
                  </Link>
                </li>
              ))}
            </ul>
            <ul className="mt-2 border-t border-line pt-2">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={row}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </Drawer>
    </>
  );
}

/** Phones' search: a sheet from the top with the header's search box, ready to type in. */
export function SearchSheet() {
  const sheet = useSheet();
  const heading = useId();
  return (
    <>
      <button
        type="button"
        aria-label="Search"
        aria-haspopup="dialog"
        aria-expanded={sheet.open}
        onClick={sheet.show}
        className={iconButton}
      >
        <MagnifyingGlassIcon className="size-6" />
      </button>
      <Drawer open={sheet.open} onClose={sheet.hide} side="top" labelledBy={heading}>
        {/* The box comes first, so opening the sheet focuses it (a modal dialog focuses its first control). A
            search from /search keeps the address's path: the sheet closes on submit too. */}
        <div onSubmit={sheet.hide} className="flex items-start gap-2 p-4 pb-6">
          <h2 id={heading} className="sr-only">
            Search
          </h2>
          <SearchBox list="inline" />
          <DrawerClose label="Close search" onClick={sheet.hide} />
        </div>
      </Drawer>
    </>
  );
}
