"use client";

import { CheckCircleIcon, ShoppingBagIcon } from "@heroicons/react/24/outline";
import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";

import { announceCartChanged } from "@/components/layout/cart-link";
import { Drawer, DrawerClose } from "@/components/ui/drawer";
import { removeCartLineAction, updateCartLineAction } from "@/lib/actions/cart";
import type { CartSnapshot } from "@/lib/cart";
import { formatInr } from "@/lib/money";

import { CheckoutLink } from "./checkout-link";
import { DrawerLine } from "./drawer-line";

type LineChange = { variantId: string; quantity: number };

function applyChange(cart: CartSnapshot, change: LineChange): CartSnapshot {
  return {
    lines: cart.lines
      .map((line) => (line.variantId === change.variantId ? { ...line, quantity: change.quantity } : line))
      .filter((line) => line.quantity > 0),
  };
}

/**
 * The cart beside the page after "Add to cart", in the shop's one drawer (components/ui/drawer.tsx). Quantity
 * changes show at once (useOptimistic) and are replaced by the server's answer; a refused change falls back to
 * what the server has.
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
  const [confirmed, setConfirmed] = useState<CartSnapshot | null>(cart);
  const [shown, guess] = useOptimistic(confirmed ?? { lines: [] }, applyChange);
  const [error, setError] = useState<string | null>(null);
  const [, start] = useTransition();
  const [lastCart, setLastCart] = useState(cart);
  const [open, setOpen] = useState(cart !== null);
  const close = () => {
    setOpen(false);
    onClose();
  };

  if (cart !== lastCart) {
    // A new add: the server's cart replaces whatever the drawer last confirmed.
    setLastCart(cart);
    setConfirmed(cart);
    if (cart) setOpen(true);
  }

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
  const count = shown.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <Drawer open={open} onClose={close} side="right" labelledBy="cart-drawer-heading">
      <div className="flex h-full flex-col">
        <div className="flex h-14 items-center justify-between border-b border-line px-4">
          <h2 id="cart-drawer-heading" className="text-lg font-semibold">
            Your cart{count > 0 && <span className="font-normal text-muted"> ({count})</span>}
          </h2>
          <DrawerClose label="Close cart" onClick={() => setOpen(false)} />
        </div>
        <p role="status" className="flex items-start gap-2 px-4 pt-3 text-sm text-save">
          {message && <CheckCircleIcon aria-hidden="true" className="size-5 shrink-0" />}
          {message}
        </p>
        {shown.lines.length === 0 ? (
          <div className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
            <span className="flex size-16 items-center justify-center rounded-full bg-brand-50 text-brand-700">
              <ShoppingBagIcon aria-hidden="true" className="size-8" />
            </span>
            <p className="text-lg font-semibold">Your cart is empty</p>
            <Link
              href="/"
              onClick={close}
              className="inline-flex h-12 items-center rounded-control bg-accent px-6 font-semibold text-white hover:bg-accent-hover"
            >
              Continue shopping
            </Link>
          </div>
        ) : (
          <ul aria-label="Items in your cart" className="flex-1 space-y-4 overflow-y-auto p-4">
            {shown.lines.map((line) => (
              <DrawerLine
                key={line.variantId}
                line={line}
                onQuantity={(quantity) => change(line.variantId, quantity)}
              />
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="px-4 text-sm text-danger">
            {error}
          </p>
        )}
        {shown.lines.length > 0 && (
          <div className="space-y-3 border-t border-line p-4">
            <p className="flex justify-between font-semibold">
              <span>Subtotal</span>
              <span className="tabular-nums">{formatInr(subtotal)}</span>
            </p>
            <p className="text-sm text-muted">GST included · shipping at checkout</p>
            <CheckoutLink />
            <Link href="/cart" className="flex min-h-11 items-center justify-center text-sm font-medium underline">
              View cart
            </Link>
          </div>
        )}
      </div>
    </Drawer>
  );
}
