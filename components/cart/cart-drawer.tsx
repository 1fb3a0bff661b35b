"use client";

import Link from "next/link";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";

import { announceCartChanged } from "@/components/layout/cart-link";
import { removeCartLineAction, updateCartLineAction } from "@/lib/actions/cart";
import type { CartSnapshot } from "@/lib/cart";
import { formatInr } from "@/lib/money";

import { CheckoutLink } from "./checkout-link";
import { DrawerLine } from "./drawer-line";

const FOCUSABLE = "a[href], button:not([disabled]), select:not([disabled]), input:not([disabled])";

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: React.KeyboardEvent<HTMLDialogElement>) {
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [controls[0], controls.at(-1)];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

type LineChange = { variantId: string; quantity: number };

function applyChange(cart: CartSnapshot, change: LineChange): CartSnapshot {
  return {
    lines: cart.lines
      .map((line) => (line.variantId === change.variantId ? { ...line, quantity: change.quantity } : line))
      .filter((line) => line.quantity > 0),
  };
}

/**
 * The cart beside the page after "Add to cart". A native modal <dialog>: the browser closes it on Escape, makes
 * the page behind it inert and gives focus back when it closes; Tab wraps around inside it (browsers would let it
 * leave for their own toolbar). Quantity changes show at once (useOptimistic) and are
 * replaced by the server's answer; a refused change falls back to what the server has.
 */
export function CartDrawer({
  cart,
  message,
  onClose,
}: {
  cart: CartSnapshot | null;
  message: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirmed, setConfirmed] = useState<CartSnapshot | null>(cart);
  const [shown, guess] = useOptimistic(confirmed ?? { lines: [] }, applyChange);
  const [error, setError] = useState<string | null>(null);
  const [, start] = useTransition();
  const [lastCart, setLastCart] = useState(cart);
  if (cart !== lastCart) {
    // A new add: the server's cart replaces whatever the drawer last confirmed.
    setLastCart(cart);
    setConfirmed(cart);
  }

  useEffect(() => {
    const element = dialog.current;
    if (cart && element && !element.open) element.showModal();
  }, [cart]);

  const change = (variantId: string, quantity: number) =>
    start(async () => {
      guess({ variantId, quantity });
      const result =
        quantity === 0
          ? await removeCartLineAction({ variantId })
          : await updateCartLineAction({ variantId, quantity });
      setError(result.ok ? null : result.error);
      if (result.ok) setConfirmed(result.data.cart);
      announceCartChanged();
    });

  const subtotal = shown.lines.reduce((sum, line) => sum + line.unitPricePaise * line.quantity, 0);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="cart-drawer-heading"
      onClose={onClose}
      onKeyDown={(event) => event.key === "Tab" && keepFocusInside(event)}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-sm bg-white p-0 shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between border-b border-stone-200 p-4">
          <h2 id="cart-drawer-heading" className="text-lg font-semibold">
            Your cart
          </h2>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded px-2 py-1 text-sm text-stone-700 underline"
          >
            Close
          </button>
        </div>
        <p role="status" className="px-4 pt-3 text-sm text-emerald-800">
          {message}
        </p>
        <ul aria-label="Items in your cart" className="flex-1 space-y-3 overflow-y-auto p-4">
          {shown.lines.map((line) => (
            <DrawerLine key={line.variantId} line={line} onQuantity={(quantity) => change(line.variantId, quantity)} />
          ))}
          {shown.lines.length === 0 && <li className="text-sm text-stone-600">Your cart is empty.</li>}
        </ul>
        {error && (
          <p role="alert" className="px-4 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="space-y-3 border-t border-stone-200 p-4">
          <p className="flex justify-between font-semibold">
            <span>Subtotal (GST included)</span>
            <span>{formatInr(subtotal)}</span>
          </p>
          <CheckoutLink />
          <Link href="/cart" className="block text-center text-sm underline">
            View cart
          </Link>
        </div>
      </div>
    </dialog>
  );
}
