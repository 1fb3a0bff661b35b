import type { Metadata } from "next";
import Link from "next/link";

import { CartLineControls } from "@/components/cart/cart-line-controls";
import { CheckoutLink } from "@/components/cart/checkout-link";
import { OrderTotals } from "@/components/cart/order-totals";
import { GstBreakdown } from "@/components/order/gst-breakdown";
import { Thumbnail } from "@/components/product/thumbnail";
import { cartGst, correctAndLoadCart } from "@/lib/cart";
import { formatInr } from "@/lib/money";
import { FREE_SHIPPING_THRESHOLD_PAISE, MAX_QUANTITY_PER_LINE } from "@/lib/pricing";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const cart = await correctAndLoadCart();
  const { totals } = cart;
  const gst = await cartGst(cart);
  const toFreeShipping = FREE_SHIPPING_THRESHOLD_PAISE - totals.subtotalPaise;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your cart</h1>
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
      {cart.lines.length === 0 ? (
        <div className="space-y-4 py-8 text-center">
          <p className="text-stone-600">Your cart is empty.</p>
          <Link
            href="/"
            className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            Continue shopping
          </Link>
        </div>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
          <ul aria-label="Cart items" className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {cart.lines.map((line) => (
              <li key={line.variantId} className="flex gap-4 p-4">
                <Thumbnail src={line.imagePath} size={96} className="size-20 rounded-lg sm:size-24" />
                <div className="flex flex-1 flex-col justify-between gap-2 sm:flex-row sm:items-center">
                  <div>
                    <Link href={line.href} className="font-medium hover:text-brand-700">
                      {line.name}
                    </Link>
                    <p className="text-sm text-stone-600">{formatInr(line.unitPricePaise)} each</p>
                  </div>
                  <CartLineControls
                    variantId={line.variantId}
                    name={line.name}
                    quantity={line.quantity}
                    maxQuantity={Math.min(MAX_QUANTITY_PER_LINE, line.stock)}
                  />
                  <p className="font-semibold sm:w-28 sm:text-right">{formatInr(line.lineTotalPaise)}</p>
                </div>
              </li>
            ))}
          </ul>
          <aside
            aria-labelledby="totals-heading"
            className="h-fit space-y-3 rounded-xl border border-stone-200 bg-white p-5"
          >
            <h2 id="totals-heading" className="text-lg font-semibold">
              Order total
            </h2>
            <OrderTotals
              totals={totals}
              className="space-y-1 text-sm"
              totalClassName="border-t border-stone-200 pt-2"
            />
            <div className="space-y-1 border-t border-stone-200 pt-2">
              <GstBreakdown quote={gst.intraState} label="GST included" />
              <p className="text-xs text-stone-500">
                Prices include GST: CGST and SGST for delivery in {gst.sellerState}, IGST for other states.
              </p>
            </div>
            <p className="text-sm text-stone-600">
              {toFreeShipping > 0
                ? `Add ${formatInr(toFreeShipping)} more for free shipping.`
                : "You get free shipping."}
            </p>
            <CheckoutLink />
          </aside>
        </div>
      )}
    </div>
  );
}
