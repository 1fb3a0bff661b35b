// Browser side of Cashfree checkout. Imported by client components; holds no secrets.
import type { CheckoutResult } from "@cashfreepayments/cashfree-js";

import type { CheckoutVariant } from "@/lib/checkout-variants";

export interface OpenCheckoutOptions {
  paymentSessionId: string;
  variant: CheckoutVariant;
  mode: "sandbox" | "production";
  sdkScriptUrl: string | null;
  container?: HTMLElement | null;
  /** Called once the popup or inline checkout is on the page (the promise resolves only when the shopper is done). */
  onOpen?: () => void;
}

export type CheckoutOutcome = "redirecting" | "attempted" | "closed" | "error";

function loadScript(src: string) {
  return new Promise<void>((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`) && "Cashfree" in window) return resolve();
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Could not load the payment page. Check your connection and try again."));
    document.head.appendChild(script);
  });
}

function outcomeOf(result: CheckoutResult): CheckoutOutcome {
  if (result.redirect) return "redirecting";
  if (result.paymentDetails) return "attempted";
  if (result.error?.code === "payment_aborted") return "closed";
  return result.error ? "error" : "attempted";
}

/** Opens Cashfree checkout in the chosen variant; modal and inline resolve once the shopper is done or closes it. */
export async function openCashfreeCheckout(
  options: OpenCheckoutOptions,
): Promise<{ outcome: CheckoutOutcome; message?: string }> {
  // The official loader injects Cashfree's script as an import side effect, unless window.Cashfree already exists:
  // in local mode we load the sandbox's cashfree.js first, so the same loader code path serves both.
  if (options.sdkScriptUrl) await loadScript(options.sdkScriptUrl);
  const { load } = await import("@cashfreepayments/cashfree-js");
  const cashfree = await load({ mode: options.mode });
  if (!cashfree) throw new Error("The payment page is not available in this browser.");
  const redirectTarget =
    options.variant === "redirect" ? "_self" : options.variant === "modal" ? "_modal" : options.container;
  if (!redirectTarget) throw new Error("No place on the page to show the payment form.");
  const pending = cashfree.checkout({
    paymentSessionId: options.paymentSessionId,
    redirectTarget,
    // Cashfree sizes its inline container 425 px wide unless told otherwise, wider than a 390 px phone: take the
    // container's width instead (`appearance.width`, https://cashfree.com/devstudio/preview/pg/web/inlineCheckout).
    ...(options.variant === "inline" ? { appearance: { width: "100%" } } : {}),
  });
  if (options.variant !== "redirect") options.onOpen?.();
  const result = await pending;
  return { outcome: outcomeOf(result), message: result.error?.message ?? result.paymentDetails?.paymentMessage };
}
