"use client";

import { useState, useTransition } from "react";

import { findOrderAction } from "@/lib/actions/find-order";

export function FindOrderForm() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return (
    <form
      aria-label="Find my order"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          const outcome = await findOrderAction({
            email: String(data.get("email") ?? ""),
            orderId: String(data.get("orderId") ?? ""),
          });
          setFieldErrors(outcome.ok ? {} : (outcome.fieldErrors ?? {}));
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
        });
      }}
    >
      <label className="block text-sm font-medium">
        E-mail used for the order
        <input
          name="email"
          type="email"
          required
          autoComplete="email"
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2"
        />
        {fieldErrors.email && <span className="text-sm text-red-700">{fieldErrors.email}</span>}
      </label>
      <label className="block text-sm font-medium">
        Order number
        <input
          name="orderId"
          required
          placeholder="KC-261202-7QH3M2XA"
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 font-mono"
        />
        {fieldErrors.orderId && <span className="text-sm text-red-700">{fieldErrors.orderId}</span>}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Sending…" : "E-mail me the link"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
    </form>
  );
}
