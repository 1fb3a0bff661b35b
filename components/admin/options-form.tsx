"use client";

import { saveOptionsAction } from "@/lib/actions/admin/products";
import type { ProductOption } from "@/lib/variants";

import { ActionStatus, useActionStatus } from "./action-status";
import { TextField } from "./form-field";

const ROWS = 3;

/** What shoppers choose: up to three options, each a name and its values; the variants follow on save. */
export function OptionsForm({ productId, options }: { productId: string; options: ProductOption[] }) {
  const { pending, outcome, run } = useActionStatus();
  return (
    <form
      aria-label="Options"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run(() => saveOptionsAction(data));
      }}
    >
      <input type="hidden" name="productId" value={productId} />
      {Array.from({ length: ROWS }, (_, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <TextField label={`Option ${i + 1}`} name="optionName" defaultValue={options[i]?.name} placeholder="Weight" />
          <TextField
            label={`Values of option ${i + 1}, comma-separated`}
            name="optionValues"
            defaultValue={options[i]?.values.join(", ")}
            placeholder="250 g, 500 g, 1 kg"
          />
        </div>
      ))}
      <p className="text-xs text-stone-600">
        Every combination becomes a variant. New ones start at the lowest price with no stock; a renamed or removed
        value stops selling its variants (kept for past orders). Leave all empty to sell the product as one item.
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save options"}
      </button>
      <ActionStatus outcome={outcome} />
    </form>
  );
}
