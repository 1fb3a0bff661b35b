/**
 * Who changed an order, for its timeline. Authorization is a separate check made before a command is issued
 * (lib/auth, the action client); an actor value never grants anything.
 */
export type CashfreeChannel = "checkout" | "webhook" | "return_page" | "reconcile" | "admin";

export type Actor =
  | { type: "admin"; id: string; email: string }
  | { type: "shopper" }
  /** What Cashfree said, and how it reached us. */
  | { type: "cashfree"; via: CashfreeChannel }
  /** The store's own rules (the late-payment auto-refund). */
  | { type: "system"; name: string };

export const SHOPPER: Actor = { type: "shopper" };
export const cashfreeVia = (via: CashfreeChannel): Actor => ({ type: "cashfree", via });
export const adminActor = (admin: { id: string; email: string }): Actor => ({
  type: "admin",
  id: admin.id,
  email: admin.email,
});
