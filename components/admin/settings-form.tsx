"use client";

import { useState, useTransition } from "react";

import { saveSettingsAction } from "@/lib/actions/admin/settings";
import { CHECKOUT_VARIANT_LABELS, CHECKOUT_VARIANTS, type CheckoutVariant } from "@/lib/checkout-variants";

const HINTS: Record<CheckoutVariant, string> = {
  redirect: "Shoppers go to Cashfree's page and come back. Keeps you in PCI DSS SAQ A.",
  modal: "Cashfree's checkout opens over your page.",
  inline: "Cashfree's checkout is embedded in your checkout page.",
};
const VARIANTS = CHECKOUT_VARIANTS.map((value) => ({
  value,
  label: CHECKOUT_VARIANT_LABELS[value],
  hint: HINTS[value],
}));

export function SettingsForm({
  checkoutVariant,
  autoRefundLatePayments,
}: {
  checkoutVariant: CheckoutVariant;
  autoRefundLatePayments: boolean;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          const result = await saveSettingsAction({
            checkoutVariant: data.get("checkoutVariant") as CheckoutVariant,
            autoRefundLatePayments: data.get("autoRefund") === "on",
          });
          setMessage(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.error });
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="font-medium">Checkout</legend>
        {VARIANTS.map((variant) => (
          <label key={variant.value} className="flex gap-3 rounded-lg border border-stone-200 bg-white p-3">
            <input
              type="radio"
              name="checkoutVariant"
              value={variant.value}
              defaultChecked={variant.value === checkoutVariant}
            />
            <span>
              <span className="block font-medium">{variant.label}</span>
              <span className="block text-sm text-stone-600">{variant.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-3">
        <input type="checkbox" name="autoRefund" defaultChecked={autoRefundLatePayments} />
        Refund automatically a payment that arrives after its order expired and the stock is gone
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save settings"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {message?.text}
      </p>
    </form>
  );
}
