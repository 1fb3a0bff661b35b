"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

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

/** Idle, asking for the session and loading Cashfree, or Cashfree's checkout on the page waiting for the shopper. */
type Phase = "idle" | "opening" | "open";

/** What the button says while Cashfree's popup or inline checkout is open: where to look, not "Opening…". */
const OPEN_LABEL: Record<CheckoutVariant, string> = {
  redirect: "Opening payment…",
  modal: "Complete the payment in the Cashfree window",
  inline: "Complete the payment below",
};

/**
 * Opens Cashfree checkout. Redirect leaves the page (Cashfree returns the shopper to our order page); modal and
 * inline stay here and, whatever happened, continue to the order page, which asks Cashfree for the truth. That
 * page replaces this one in the history, so Back never returns to a pay button for an order already under way.
 */
export function CashfreePayButton({ sdk, variant, label, getSession, className }: CashfreePayButtonProps) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [message, setMessage] = useState<string | null>(null);

  // Back from Cashfree's page may restore this page from the back/forward cache as it was left, "Opening payment…"
  // and all (https://web.dev/articles/bfcache): ask the server again, which sends a paid or paying order's shopper to
  // that order and otherwise renders the cart as it is now.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setPhase("idle");
      router.refresh();
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, [router]);

  async function pay() {
    setPhase("opening");
    setMessage(null);
    // Leaving for Cashfree's page: the button stays as it is until the browser has gone.
    if ((await openCheckout()) !== "redirecting") setPhase("idle");
  }

  async function openCheckout() {
    try {
      const result = await getSession();
      if (!result.ok) return setMessage(result.error);
      const session = result.data;
      const { outcome } = await openCashfreeCheckout({
        ...sdk,
        variant,
        paymentSessionId: session.paymentSessionId,
        container: container.current,
        onOpen: () => setPhase("open"),
      });
      if (outcome === "redirecting") return outcome;
      if (outcome === "closed")
        setMessage("Payment window closed. Your order is saved: you can pay whenever you are ready.");
      router.replace(session.orderPath);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "Could not open the payment page. Please try again.");
    }
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={pay}
        disabled={phase !== "idle"}
        className={
          className ??
          "w-full rounded-lg bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        }
      >
        {phase === "idle" ? label : phase === "opening" ? "Opening payment…" : OPEN_LABEL[variant]}
      </button>
      <p aria-live="polite" role="status" className="text-sm text-red-700">
        {message}
      </p>
      {variant === "inline" && <div ref={container} data-testid="cashfree-inline" className="min-h-0 w-full" />}
    </div>
  );
}
