"use client";

import { useState, useTransition } from "react";

import { createPaymentLinkAction } from "@/lib/actions/admin/payment-links";

const field = "mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5";

export function PaymentLinkForm() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-label="New payment link"
      className="grid grid-cols-1 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        start(async () => {
          const outcome = await createPaymentLinkAction({
            amount: data.amount ?? "",
            purpose: data.purpose ?? "",
            name: data.name,
            email: data.email,
            phone: data.phone ?? "",
            expiresInDays: Number(data.expiresInDays),
          });
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
          if (outcome.ok) form.reset();
        });
      }}
    >
      <label className="text-sm font-medium">
        Amount (₹)
        <input name="amount" inputMode="decimal" required className={field} placeholder="1,250 or 1,250.50" />
      </label>
      <label className="text-sm font-medium">
        Purpose
        <input name="purpose" required className={field} placeholder="Invoice 2026-114, phone order" />
      </label>
      <label className="text-sm font-medium">
        Customer name
        <input name="name" className={field} />
      </label>
      <label className="text-sm font-medium">
        Customer email
        <input name="email" type="email" className={field} />
      </label>
      <label className="text-sm font-medium">
        Customer mobile
        <input name="phone" type="tel" required className={field} />
      </label>
      <label className="text-sm font-medium">
        Expires in (days)
        <input name="expiresInDays" type="number" min={1} max={30} defaultValue={7} className={field} />
      </label>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create payment link"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`mt-2 text-sm break-all ${result?.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {result?.text}
        </p>
      </div>
    </form>
  );
}
