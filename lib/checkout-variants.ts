/**
 * How Cashfree's checkout opens (the `checkout_variant` setting), and the one name each has for people: the
 * settings form, the audit log and error messages all say "Popup", never the code's "modal" (Cashfree's
 * `redirectTarget: "_modal"`). Client-safe: no secrets, no server imports.
 */
export const CHECKOUT_VARIANTS = ["redirect", "modal", "inline"] as const;
export type CheckoutVariant = (typeof CHECKOUT_VARIANTS)[number];

export const CHECKOUT_VARIANT_LABELS: Record<CheckoutVariant, string> = {
  redirect: "Redirect",
  modal: "Popup",
  inline: "Inline",
};

/** A stored value's label; an unknown one (an old row) as it was stored. */
export const checkoutVariantLabel = (value: string) =>
  (CHECKOUT_VARIANT_LABELS as Record<string, string | undefined>)[value] ?? value;
