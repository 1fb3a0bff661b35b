"use client";

import { TrashIcon } from "@heroicons/react/24/outline";
import { useState, useTransition } from "react";

import { announceCartChanged } from "@/components/layout/cart-link";
import { removeCartLineAction, updateCartLineAction } from "@/lib/actions/cart";

import { QuantityOptions } from "./quantity-options";

export function CartLineControls({
  variantId,
  name,
  quantity,
  maxQuantity,
}: {
  variantId: string;
  name: string;
  quantity: number;
  maxQuantity: number;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <label className="sr-only" htmlFor={`qty-${variantId}`}>
        Quantity of {name}
      </label>
      <select
        id={`qty-${variantId}`}
        value={quantity}
        disabled={pending}
        onChange={(e) => {
          const next = Number(e.target.value);
          start(async () => {
            const result = await updateCartLineAction({ variantId, quantity: next });
            setError(result.ok ? null : result.error);
            announceCartChanged();
          });
        }}
        className="h-11 rounded-control border border-line-input bg-surface px-2 text-base"
      >
        <QuantityOptions max={maxQuantity} current={quantity} />
      </select>
      <button
        type="button"
        disabled={pending}
        aria-label={`Remove ${name}`}
        onClick={() =>
          start(async () => {
            await removeCartLineAction({ variantId });
            announceCartChanged();
          })
        }
        className="inline-flex size-11 items-center justify-center rounded-control text-muted hover:bg-stone-100 hover:text-danger"
      >
        <TrashIcon className="size-5" />
      </button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </div>
  );
}
