"use client";

import { ShoppingBagIcon } from "@heroicons/react/24/outline";
import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";

import { announceCartChanged } from "@/components/layout/cart-link";
import { addToCartAction } from "@/lib/actions/cart";
import type { CartSnapshot } from "@/lib/cart";

import { CartDrawer } from "./cart-drawer";
import { QuantityOptions } from "./quantity-options";

const buyButton =
  "inline-flex h-12 items-center justify-center gap-2 rounded-control bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-60";
const soldOutButton =
  "inline-flex h-12 cursor-not-allowed items-center justify-center rounded-control bg-stone-300 px-6 font-semibold text-stone-800";

/**
 * Quantity and "Add to cart" for the chosen variant, and on phones a bar fixed to the bottom with the price and
 * the same button while the one in the page is out of view (an Indian D2C shop's StickyBar; Dawn keeps its
 * desktop buy column sticky instead). The bar sets `data-buy-bar="shown"` so the page's scroll padding keeps
 * focused controls above it (app/globals.css).
 */
export function AddToCart({
  variantId,
  maxQuantity,
  soldOut,
  barPrice,
  barTitle,
}: {
  variantId: string;
  maxQuantity: number;
  soldOut: boolean;
  /** The bar's price (and MRP, later), as the page shows it. */
  barPrice: ReactNode;
  /** The product and its chosen variant, in one line. */
  barTitle: string;
}) {
  const [quantity, setQuantity] = useState(1);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [drawer, setDrawer] = useState<{ cart: CartSnapshot; message: string } | null>(null);
  const controls = useRef<HTMLDivElement>(null);
  const [controlsInView, setControlsInView] = useState(true);
  // The button that opened the drawer gets focus back (it was disabled while adding, so the browser cannot know).
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const element = controls.current;
    if (!element) return;
    // In view means wholly in view below the sticky header (which would cover a button scrolled up under it).
    const header = document.querySelector("header")?.getBoundingClientRect().height ?? 0;
    const observer = new IntersectionObserver(([entry]) => setControlsInView(entry!.intersectionRatio >= 0.99), {
      rootMargin: `-${Math.ceil(header)}px 0px 0px 0px`,
      threshold: [0, 0.99],
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const closeDrawer = () => {
    setDrawer(null);
    opener.current?.focus();
  };
  const add = (button: HTMLButtonElement) => {
    opener.current = button;
    start(async () => {
      const outcome = await addToCartAction({ variantId, quantity });
      setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
      if (!outcome.ok) return;
      announceCartChanged();
      setDrawer({ cart: outcome.data.cart, message: outcome.message });
    });
  };
  const barShown = !controlsInView;

  return (
    <div className="space-y-2">
      <div ref={controls} className="flex items-end gap-3">
        {soldOut ? (
          <button type="button" disabled className={`${soldOutButton} w-full sm:w-auto sm:min-w-48`}>
            Sold out
          </button>
        ) : (
          <>
            <label className="text-sm font-medium">
              Quantity
              <select
                value={quantity}
                onChange={(e) => setQuantity(Number(e.target.value))}
                className="mt-1 block h-12 w-20 rounded-control border border-line-input bg-surface px-3 text-base"
              >
                <QuantityOptions max={maxQuantity} />
              </select>
            </label>
            <button
              type="button"
              disabled={pending}
              aria-busy={pending}
              onClick={(event) => add(event.currentTarget)}
              className={`${buyButton} flex-1 sm:max-w-xs`}
            >
              <ShoppingBagIcon className="size-5" />
              {pending ? "Adding…" : "Add to cart"}
            </button>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-save" : "text-danger"}`}>
        {result?.text}
      </p>
      <div
        data-buy-bar={barShown ? "shown" : "hidden"}
        hidden={!barShown}
        className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] shadow-bar md:hidden"
      >
        <div className="flex h-16 items-center gap-3 px-4">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm text-muted">{barTitle}</p>
            <p className="text-price">{barPrice}</p>
          </div>
          {soldOut ? (
            <button type="button" disabled className={`${soldOutButton} min-w-36`}>
              Sold out
            </button>
          ) : (
            <button
              type="button"
              disabled={pending}
              aria-busy={pending}
              onClick={(event) => add(event.currentTarget)}
              className={`${buyButton} min-w-36`}
            >
              {pending ? "Adding…" : "Add to cart"}
            </button>
          )}
        </div>
      </div>
      <CartDrawer cart={drawer?.cart ?? null} message={drawer?.message ?? ""} onClose={closeDrawer} />
    </div>
  );
}
