"use client";

import { useRef, useState, useTransition } from "react";

import { refundOrderAction } from "@/lib/actions/admin/orders";
import { formatInr, paiseToRupeeString } from "@/lib/money";
import { refundAmountSchema, refundReasonSchema } from "@/lib/refund-rules";

import { useConfirm } from "./confirm-dialog";

type Said = { ok: boolean; text: string };

/**
 * A refund, asked for once: the form starts empty (the refundable remainder beside it, one click to fill in), asks
 * before it sends with the amount and where the money goes, and is cleared once the server has answered, so a
 * second click sends nothing. Its refund key names this one refund: a double submit or a retried request carries
 * the same key and the server finds the same refund (lib/refunds.ts); a new key is drawn for the next one.
 */
export function RefundForm({
  orderId,
  refundablePaise,
  destination,
}: {
  orderId: string;
  refundablePaise: number;
  /** "the customer's debit card": from the order's payment record. */
  destination: string;
}) {
  const [refundKey, setRefundKey] = useState(newRefundKey);
  const [pending, start] = useTransition();
  const [said, setSaid] = useState<Said | null>(null);
  const { ask, dialog } = useConfirm();
  const amountInput = useRef<HTMLInputElement>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const amountText = String(data.get("amount") ?? "");
    const reasonText = String(data.get("reason") ?? "");
    const amount = refundAmountSchema.safeParse(amountText);
    const reason = refundReasonSchema.safeParse(reasonText);
    if (!amount.success) return setSaid({ ok: false, text: amount.error.issues[0]!.message });
    // The server refuses this too (and a staff member's limit): here it is said before asking to confirm it.
    if (amount.data > refundablePaise)
      return setSaid({ ok: false, text: `Only ${formatInr(refundablePaise)} of this order can still be refunded.` });
    if (!reason.success) return setSaid({ ok: false, text: reason.error.issues[0]!.message });
    setSaid(null);
    const money = formatInr(amount.data);
    const confirmed = await ask({
      question: `Refund ${money} to ${destination}?`,
      consequence:
        "This can't be undone. Cashfree sends it back at once; banks take up to 7–10 business days to show it.",
      confirmLabel: `Refund ${money}`,
    });
    if (!confirmed) return;
    start(async () => {
      const outcome = await refundOrderAction({ orderId, amount: amountText, reason: reasonText, refundKey });
      setSaid(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
      // Answered: the key is spent (refunded, refused, or failed at Cashfree); the next refund gets its own.
      setRefundKey(newRefundKey());
      if (outcome.ok) form.reset();
    });
  }

  return (
    <>
      <form
        aria-label="Refund"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) void submit(event.currentTarget);
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[12rem_1fr]">
          <div>
            <label htmlFor={`${orderId}-refund-amount`} className="text-sm font-medium">
              Amount (₹)
            </label>
            <input
              ref={amountInput}
              id={`${orderId}-refund-amount`}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              aria-describedby={`${orderId}-refundable`}
              className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
            />
            <p id={`${orderId}-refundable`} className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-stone-600">
              <span>Refundable: {formatInr(refundablePaise)}</span>
              <button
                type="button"
                className="text-brand-700 underline hover:text-brand-800"
                onClick={() => {
                  if (amountInput.current) amountInput.current.value = paiseToRupeeString(refundablePaise);
                }}
              >
                Use full amount
              </button>
            </p>
          </div>
          <label className="text-sm font-medium">
            Reason
            <input
              name="reason"
              required
              minLength={3}
              maxLength={200}
              autoComplete="off"
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
        <p role="status" aria-live="polite" className={`text-sm ${said?.ok ? "text-emerald-800" : "text-red-700"}`}>
          {said?.text}
        </p>
      </form>
      {/* Outside the form: the dialog has a form of its own, and forms do not nest. */}
      {dialog}
    </>
  );
}

/**
 * A random UUID for one refund. crypto.randomUUID exists only in secure contexts (https, localhost); an admin
 * opened over plain http on a LAN address has getRandomValues, which is all a version 4 UUID needs.
 */
function newRefundKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
