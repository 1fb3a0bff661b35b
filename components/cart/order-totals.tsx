import { formatInr } from "@/lib/money";
import type { Totals } from "@/lib/pricing";

/**
 * Subtotal, shipping and total as the server priced them, for the cart and the checkout summary. The checkout
 * adds a line saying GST is included (the cart shows its breakdown beneath instead).
 */
export function OrderTotals({
  totals,
  className,
  totalClassName,
  gstIncluded = false,
}: {
  totals: Totals;
  className: string;
  totalClassName: string;
  gstIncluded?: boolean;
}) {
  return (
    <dl className={className}>
      <div className="flex justify-between">
        <dt>Subtotal</dt>
        <dd>{formatInr(totals.subtotalPaise)}</dd>
      </div>
      <div className="flex justify-between">
        <dt>Shipping</dt>
        <dd>{totals.shippingPaise === 0 ? "Free" : formatInr(totals.shippingPaise)}</dd>
      </div>
      {gstIncluded && (
        <div className="flex justify-between text-stone-600">
          <dt>GST</dt>
          <dd>Included</dd>
        </div>
      )}
      <div className={`flex justify-between ${totalClassName} text-base font-semibold`}>
        <dt>Total</dt>
        <dd>{formatInr(totals.totalPaise)}</dd>
      </div>
    </dl>
  );
}
