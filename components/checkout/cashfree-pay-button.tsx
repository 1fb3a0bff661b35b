"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import type { Result } from "@/lib/actions/result";
import { openCashfreeCheckout } from "@/lib/cashfree/browser";
import type { CheckoutVariant } from "@/lib/checkout-variants";

interface PaymentSession {
  paymentSessionId: string;
  orderPath: string;
}

export interface CashfreeSdkProps {
  mode: "sandbox" | "production";
  sdkScriptUrl: string | null;
}

export interface CashfreePayButtonProps {
  sdk: CashfreeSdkProps;
  variant: CheckoutVariant;
  label: string;
  /** Returns the session to pay, or an error message to show. */
  getSession: () => Promise<Result<PaymentSession>>;
  className?: string;
}

/**
 * Opens Cashfree checkout. Redirect leaves the page (Cashfree returns the shopper to our order page); modal and
 * inline stay here and, whatever happened, continue to the order page, which asks Cashfree for the truth.
 */
export function CashfreePayButton({ sdk, variant, label, getSession, className }: CashfreePayButtonProps) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function pay() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await getSession();
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      const session = result.data;
      const { outcome } = await openCashfreeCheckout({
        ...sdk,
        variant,
        paymentSessionId: session.paymentSessionId,
        container: container.current,
      });
      if (outcome === "redirecting") return;
      if (outcome === "closed")
        setMessage("Payment window closed. Your order is saved: you can pay whenever you are ready.");
      router.push(session.orderPath);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "Could not open the payment page. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={pay}
        disabled={busy}
        className={
          className ??
          "w-full rounded-lg bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        }
      >
        {busy ? "Opening payment…" : label}
      </button>
      <p aria-live="polite" role="status" className="text-sm text-red-700">
        {message}
      </p>
      {variant === "inline" && <div ref={container} data-testid="cashfree-inline" className="min-h-0 w-full" />}
    </div>
  );
}
