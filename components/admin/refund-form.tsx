"use client";

import { useState, useTransition } from "react";

import { refundOrderAction } from "@/lib/actions/admin/orders";

export function RefundForm({ orderId, refundableRupees }: { orderId: string; refundableRupees: string }) {
  // One key per refund the merchant means to make: double clicks and retries reuse it, so Cashfree sees one refund.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  return (
    <form
      aria-label="Refund"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          const outcome = await refundOrderAction({
            orderId,
            amount: String(data.get("amount") ?? ""),
            reason: String(data.get("reason") ?? ""),
            refundKey,
          });
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
          if (outcome.ok) setRefundKey(crypto.randomUUID());
        });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_1fr]">
        <label className="text-sm font-medium">
          Amount (₹)
          <input
            name="amount"
            inputMode="decimal"
            defaultValue={refundableRupees}
            required
            className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="text-sm font-medium">
          Reason
          <input
            name="reason"
            required
            minLength={3}
            maxLength={200}
            placeholder="e.g. Damaged in transit"
            className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
          />
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Refunding…" : "Refund"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
    </form>
  );
}
