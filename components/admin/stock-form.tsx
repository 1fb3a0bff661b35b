"use client";

import { useState, useTransition } from "react";

import { adjustStockAction } from "@/lib/actions/admin/products";

/** Adds or removes units of one variant, with the reason (kept in the stock history). */
export function StockForm({ variantId, title }: { variantId: string; title: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-label={title ? `Adjust stock of ${title}` : "Adjust stock"}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        start(async () => {
          const outcome = await adjustStockAction({
            variantId,
            delta: String(data.get("delta") ?? ""),
            reason: String(data.get("reason") ?? ""),
          });
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
          if (outcome.ok) form.reset();
        });
      }}
    >
      <label className="text-sm font-medium">
        Change (units)
        <input
          name="delta"
          type="number"
          step={1}
          required
          placeholder="+10 or -2"
          className="mt-1 block w-32 rounded-lg border border-stone-300 px-2 py-1.5"
        />
      </label>
      <label className="flex-1 text-sm font-medium">
        Reason
        <input
          name="reason"
          required
          minLength={3}
          placeholder="Restock from supplier"
          className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Update stock"}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`w-full text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}
      >
        {result?.text}
      </p>
    </form>
  );
}
