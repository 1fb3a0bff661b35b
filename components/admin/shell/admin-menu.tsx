"use client";

import { Bars3Icon, XMarkIcon } from "@heroicons/react/24/outline";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The admin's navigation on a phone: a <details> disclosure, so it opens and closes without JavaScript, and the
 * page's heading is the first thing on the screen rather than eleven links. With JavaScript it also closes when a
 * link is followed, on Esc (focus back on the button) and on a tap outside it.
 */
export function AdminMenu({ badge, children }: { badge?: React.ReactNode; children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(event.target as Node)) menu.current.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);

  return (
    <details
      ref={menu}
      className="group lg:hidden"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !menu.current?.open) return;
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="relative -ml-2 flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-1 rounded-lg px-2 text-sm font-medium hover:bg-stone-100 [&::-webkit-details-marker]:hidden">
        <Bars3Icon aria-hidden="true" className="size-6 group-open:hidden" />
        <XMarkIcon aria-hidden="true" className="hidden size-6 group-open:block" />
        Menu
        {badge}
      </summary>
      <div className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-b border-stone-200 bg-white px-4 pt-2 pb-4 shadow-lg">
        {children}
      </div>
    </details>
  );
}
