"use client";

import { useRef, useState, useTransition } from "react";

import { announceCartChanged } from "@/components/layout/cart-link";
import { addToCartAction } from "@/lib/actions/cart";
import type { CartSnapshot } from "@/lib/cart";

import { CartDrawer } from "./cart-drawer";
import { QuantityOptions } from "./quantity-options";

export function AddToCart({
  variantId,
  maxQuantity,
  soldOut,
}: {
  variantId: string;
  maxQuantity: number;
  soldOut: boolean;
}) {
  const [quantity, setQuantity] = useState(1);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [drawer, setDrawer] = useState<{ cart: CartSnapshot; message: string } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Back to the button that opened it (it was disabled while adding, so the browser cannot know).
  const closeDrawer = () => {
    setDrawer(null);
    button.current?.focus();
  };
  if (soldOut) {
    return (
      <button
        type="button"
        disabled
        className="w-full cursor-not-allowed rounded-lg bg-stone-300 px-4 py-3 font-semibold text-stone-700 sm:w-auto"
      >
        Sold out
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Quantity
          <select
            value={quantity}
            onChange={(e) => setQuantity(Number(e.target.value))}
            className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <QuantityOptions max={maxQuantity} />
          </select>
        </label>
        <button
          ref={button}
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const outcome = await addToCartAction({ variantId, quantity });
              setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
              if (!outcome.ok) return;
              announceCartChanged();
              setDrawer({ cart: outcome.data.cart, message: outcome.message });
            })
          }
          className="rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
      <CartDrawer cart={drawer?.cart ?? null} message={drawer?.message ?? ""} onClose={closeDrawer} />
    </div>
  );
}
