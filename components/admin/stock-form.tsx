"use client";

import { adjustStockAction } from "@/lib/actions/admin/products";

import { ActionStatus, useActionStatus } from "./action-status";

interface StockRow {
  id: string;
  /** "250 g · Filter"; empty for a product sold as one item. */
  title: string;
  sku: string;
  stock: number;
}

const input = "mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5";

/**
 * Adds or removes units of the variants on sale, with one reason kept in the stock history: a delivery of several
 * packs is one entry, one Save. Rows left blank do not change.
 */
export function StockForm({ productId, variants }: { productId: string; variants: StockRow[] }) {
  const { pending, outcome, errors, run } = useActionStatus();
  const single = variants.length === 1;
  return (
    <form
      aria-label="Stock"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const deltas = data.getAll("delta").map(String);
        const changes = variants
          .map((variant, i) => ({ variantId: variant.id, delta: deltas[i]!.trim() }))
          .filter((change) => change.delta !== "");
        run(
          () => adjustStockAction({ productId, reason: String(data.get("reason") ?? ""), changes }),
          (result) => result.ok && form.reset(),
        );
      }}
    >
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-stone-600">
          <tr>
            <th className="py-1 pr-3 font-medium">{single ? "SKU" : "Variant"}</th>
            <th className="py-1 pr-3 text-right font-medium">In stock</th>
            <th className="w-36 py-1 font-medium">Change (units)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {variants.map((variant) => (
            <tr key={variant.id}>
              <td className="py-1.5 pr-3">
                {variant.title || variant.sku}
                {variant.title && <span className="block text-xs text-stone-500">{variant.sku}</span>}
              </td>
              <td
                className={`py-1.5 pr-3 text-right tabular-nums ${variant.stock === 0 ? "font-semibold text-red-700" : ""}`}
              >
                {variant.stock}
              </td>
              <td className="py-1.5">
                <input
                  name="delta"
                  type="number"
                  step={1}
                  aria-label={single ? "Change (units)" : `Change for ${variant.title} (units)`}
                  placeholder="+10 or -2"
                  className={input}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="block text-sm font-medium">
        Reason
        <input
          name="reason"
          required
          minLength={3}
          placeholder="Restock from supplier"
          aria-invalid={errors.reason ? true : undefined}
          className={input}
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Update stock"}
        </button>
        <ActionStatus outcome={outcome} />
      </div>
    </form>
  );
}
