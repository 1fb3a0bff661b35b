"use client";

import { Thumbnail } from "@/components/product/thumbnail";
import type { CartSnapshot } from "@/lib/cart";
import { formatInr } from "@/lib/money";

import { QuantityOptions } from "./quantity-options";

/** One line of the cart drawer: its quantity changes at once (0 removes it); the drawer sends the change. */
export function DrawerLine({
  line,
  onQuantity,
}: {
  line: CartSnapshot["lines"][number];
  onQuantity: (quantity: number) => void;
}) {
  return (
    <li className="flex gap-3">
      <Thumbnail src={line.imagePath} size={64} className="h-16 w-16" />
      <div className="flex-1 space-y-1 text-sm">
        <p className="font-medium">{line.name}</p>
        <div className="flex items-center gap-3">
          <label className="sr-only" htmlFor={`drawer-qty-${line.variantId}`}>
            Quantity of {line.name}
          </label>
          <select
            id={`drawer-qty-${line.variantId}`}
            value={line.quantity}
            onChange={(event) => onQuantity(Number(event.target.value))}
            className="rounded border border-stone-300 bg-white px-2 py-1"
          >
            <QuantityOptions max={line.maxQuantity} current={line.quantity} />
          </select>
          <button
            type="button"
            aria-label={`Remove ${line.name}`}
            onClick={() => onQuantity(0)}
            className="text-stone-600 underline hover:text-red-700"
          >
            Remove
          </button>
        </div>
      </div>
      <p className="text-sm font-semibold">{formatInr(line.unitPricePaise * line.quantity)}</p>
    </li>
  );
}
