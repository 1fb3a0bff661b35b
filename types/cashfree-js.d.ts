// @cashfreepayments/cashfree-js 1.0.7 ships no types; this is the part of the v3 SDK we use.
declare module "@cashfreepayments/cashfree-js" {
  export interface CheckoutOptions {
    paymentSessionId: string;
    redirectTarget?: "_self" | "_blank" | "_top" | "_modal" | HTMLElement;
    appearance?: { width?: string; height?: string };
  }
  export interface CheckoutResult {
    error?: { code?: string; message?: string; type?: string };
    redirect?: boolean;
    paymentDetails?: { paymentMessage?: string };
  }
  export interface CashfreeInstance {
    checkout(options: CheckoutOptions): Promise<CheckoutResult>;
  }
  export function load(options: { mode: "sandbox" | "production" }): Promise<CashfreeInstance | null>;
}
