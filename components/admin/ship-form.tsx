"use client";

import { useState, useTransition } from "react";

import { markShippedAction } from "@/lib/actions/admin/orders";
import { COURIERS, type CourierName } from "@/lib/shipping";

/** Mark as shipped: courier, AWB number and (optional) tracking link, checked by the server action. */
export function ShipForm({ orderId }: { orderId: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  return (
    <form
      aria-label="Ship"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          const outcome = await markShippedAction({
            orderId,
            courier: String(data.get("courier") ?? "") as CourierName,
            trackingNumber: String(data.get("trackingNumber") ?? ""),
            trackingUrl: String(data.get("trackingUrl") ?? ""),
          });
          setFieldErrors(outcome.ok ? {} : (outcome.fieldErrors ?? {}));
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
        });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <label className="text-sm font-medium">
          Courier
          <select name="courier" required className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5">
            {COURIERS.map((courier) => (
              <option key={courier.name} value={courier.name}>
                {courier.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Tracking (AWB) number
          <input
            name="trackingNumber"
            required
            aria-invalid={!!fieldErrors.trackingNumber}
            className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
          />
          {fieldErrors.trackingNumber && <span className="text-xs text-red-700">{fieldErrors.trackingNumber}</span>}
        </label>
        <label className="text-sm font-medium">
          Tracking link (optional)
          <input
            name="trackingUrl"
            type="url"
            placeholder="https://…"
            aria-invalid={!!fieldErrors.trackingUrl}
            className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
          />
          {fieldErrors.trackingUrl && <span className="text-xs text-red-700">{fieldErrors.trackingUrl}</span>}
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Mark shipped"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
    </form>
  );
}
