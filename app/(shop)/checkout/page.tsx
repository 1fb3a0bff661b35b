import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { CartEmpty } from "@/components/cart/cart-empty";
import { OrderTotals } from "@/components/cart/order-totals";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { browserCheckoutConfig } from "@/lib/cashfree/checkout-config";
import { cartGst, correctAndLoadCart } from "@/lib/cart";
import { PAYMENTS_PAUSED_MESSAGE, paymentsPaused } from "@/lib/merchant-account/connect";
import { formatInr } from "@/lib/money";
import { underwayOrderPath } from "@/lib/orders/underway";
import { getSetting } from "@/lib/settings";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

export default async function CheckoutPage() {
  // A paid or paying order's checkout is over: Back after paying (or a reopened checkout) lands on that order.
  const underway = await underwayOrderPath();
  if (underway) redirect(underway);
  const [cart, variant, paused] = await Promise.all([
    correctAndLoadCart(),
    getSetting("checkout_variant"),
    paymentsPaused(),
  ]);
  if (cart.lines.length === 0) return <CartEmpty headingLevel={1} />;
  const { totals } = cart;
  const gst = await cartGst(cart);
  return (
    // minmax(0, …): a column as wide as the screen, whatever its content asks (an embedded checkout is 425 px wide
    // by default), so a phone never scrolls sideways.
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="checkout-heading" className="min-w-0 space-y-4">
        <h1 id="checkout-heading" className="text-2xl font-semibold">
          Checkout
        </h1>
        {cart.notices.length > 0 && (
          <ul
            role="alert"
            className="space-y-1 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          >
            {cart.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        )}
        {paused ? (
          <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
            <p className="font-semibold">Payments are paused</p>
            <p className="mt-1 text-sm">{PAYMENTS_PAUSED_MESSAGE} Your cart is saved.</p>
          </div>
        ) : (
          <CheckoutForm
            totalPaise={totals.totalPaise}
            payLabel={`Pay ${formatInr(totals.totalPaise)}`}
            variant={variant}
            sdk={browserCheckoutConfig()}
            gst={gst}
          />
        )}
        <p className="text-xs text-stone-600">
          You will pay securely on Cashfree&apos;s payment page. We never see your card or UPI details. By paying you
          accept our{" "}
          <Link href="/policies/terms" className="underline">
            terms
          </Link>
          ,{" "}
          <Link href="/policies/refunds" className="underline">
            refund and cancellation policy
          </Link>{" "}
          and{" "}
          <Link href="/policies/shipping" className="underline">
            shipping policy
          </Link>
          .
        </p>
      </section>
      <aside aria-labelledby="summary-heading" className="h-fit rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
          Order summary
        </h2>
        <ul className="space-y-2 text-sm">
          {cart.lines.map((line) => (
            <li key={line.variantId} className="flex justify-between gap-3">
              <span>
                {line.name} × {line.quantity}
              </span>
              <span>{formatInr(line.lineTotalPaise)}</span>
            </li>
          ))}
        </ul>
        <OrderTotals
          totals={totals}
          className="mt-4 space-y-1 border-t border-stone-200 pt-3 text-sm"
          totalClassName="pt-1"
          gstIncluded
        />
      </aside>
    </div>
  );
}
