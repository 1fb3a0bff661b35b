"use client";

import { saveOptionsAction } from "@/lib/actions/admin/products";
import type { ProductOption } from "@/lib/variants";

import { ActionStatus, useActionStatus } from "./action-status";
import { TextField } from "./form-field";

const MAX_OPTIONS = 3;

/**
 * What shoppers choose: up to three options, each a name and its values; the variants follow on save. The
 * product's options, then one empty row to add another, labelled as such (a row that repeated "Weight" as its
 * placeholder read as a duplicate option).
 */
export function OptionsForm({ productId, options }: { productId: string; options: ProductOption[] }) {
  const { pending, outcome, run } = useActionStatus();
  const rows = options.length < MAX_OPTIONS ? [...options, null] : options;
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
      {rows.map((option, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <TextField
            label={option ? `Option ${i + 1}` : "Add an option"}
            name="optionName"
            defaultValue={option?.name}
            placeholder={option ? undefined : options.length ? "e.g. Size" : "e.g. Weight"}
          />
          <TextField
            label={option ? `Values of option ${i + 1}, comma-separated` : "Values of the new option, comma-separated"}
            name="optionValues"
            defaultValue={option?.values.join(", ")}
            placeholder={option ? undefined : options.length ? "e.g. Small, Large" : "e.g. 250 g, 500 g"}
          />
        </div>
      ))}
      <p className="text-xs text-stone-600">
        Every combination becomes a variant. New ones start at the lowest price with no stock; a renamed or removed
        value stops selling its variants (kept for past orders). Clear an option&apos;s name and values to remove it;
        leave all empty to sell the product as one item.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save options"}
        </button>
        <ActionStatus outcome={outcome} />
      </div>
    </form>
  );
}
