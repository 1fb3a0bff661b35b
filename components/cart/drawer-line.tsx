"use client";

import { TrashIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

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
      <Thumbnail src={line.imagePath} size={72} className="size-18 shrink-0 rounded-control" />
      <div className="min-w-0 flex-1 space-y-2 text-sm">
        <div className="flex justify-between gap-3">
          <Link href={line.href} className="line-clamp-2 font-medium hover:text-brand-700">
            {line.name}
          </Link>
          <p className="font-semibold whitespace-nowrap tabular-nums">
            {formatInr(line.unitPricePaise * line.quantity, { style: "price" })}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <label className="sr-only" htmlFor={`drawer-qty-${line.variantId}`}>
            Quantity of {line.name}
          </label>
          <select
            id={`drawer-qty-${line.variantId}`}
            value={line.quantity}
            onChange={(event) => onQuantity(Number(event.target.value))}
            className="h-11 rounded-control border border-line-input bg-surface px-2 text-base"
          >
            <QuantityOptions max={line.maxQuantity} current={line.quantity} />
          </select>
          <button
            type="button"
            aria-label={`Remove ${line.name}`}
            onClick={() => onQuantity(0)}
            className="inline-flex size-11 items-center justify-center rounded-control text-muted hover:bg-stone-100 hover:text-danger"
          >
            <TrashIcon className="size-5" />
          </button>
        </div>
      </div>
    </li>
  );
}
