import { ChevronDownIcon } from "@heroicons/react/24/outline";
import type { Metadata } from "next";
import Link from "next/link";

import { CartEmpty } from "@/components/cart/cart-empty";
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
      {cart.lines.length > 0 && <h1 className="text-2xl font-semibold lg:text-3xl">Your cart</h1>}
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
        <CartEmpty headingLevel={1} />
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
          <ul aria-label="Cart items" className="h-fit divide-y divide-line rounded-card border border-line bg-surface">
            {cart.lines.map((line) => (
              <li key={line.variantId} className="flex gap-4 p-4">
                <Thumbnail src={line.imagePath} size={96} className="size-20 shrink-0 rounded-control sm:size-24" />
                <div className="min-w-0 flex-1 space-y-2">
                  <div className="flex justify-between gap-3">
                    <div className="min-w-0">
                      <Link href={line.href} className="font-medium hover:text-brand-700">
                        {line.name}
                      </Link>
                      <p className="text-sm whitespace-nowrap text-muted tabular-nums">
                        {formatInr(line.unitPricePaise, { style: "price" })} each
                      </p>
                    </div>
                    <p className="font-semibold whitespace-nowrap tabular-nums">
                      {formatInr(line.lineTotalPaise, { style: "price" })}
                    </p>
                  </div>
                  <CartLineControls
                    variantId={line.variantId}
                    name={line.name}
                    quantity={line.quantity}
                    maxQuantity={Math.min(MAX_QUANTITY_PER_LINE, line.stock)}
                  />
                </div>
              </li>
            ))}
          </ul>
          <aside
            aria-labelledby="totals-heading"
            className="h-fit space-y-3 rounded-card border border-line bg-surface p-5 lg:sticky lg:top-24"
          >
            <h2 id="totals-heading" className="text-lg font-semibold">
              Order total
            </h2>
            <OrderTotals
              totals={totals}
              className="space-y-1 text-sm"
              totalClassName="border-t border-line pt-2 text-lg"
            />
            {/* The tax arithmetic is for whoever wants it (and the invoice): folded away, never hidden. */}
            <details className="group border-t border-line pt-2 text-sm">
              <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between text-muted">
                <span>
                  GST included <span className="tabular-nums">{formatInr(gst.intraState.totals.taxPaise)}</span>
                </span>
                <ChevronDownIcon aria-hidden="true" className="size-5 transition group-open:rotate-180" />
              </summary>
              <div className="space-y-1 pb-2">
                <GstBreakdown quote={gst.intraState} label="GST included" />
                <p className="text-xs text-muted">
                  CGST and SGST for delivery in {gst.sellerState}, IGST for other states.
                </p>
              </div>
            </details>
            <p className="text-sm text-muted">
              {toFreeShipping > 0
                ? `Add ${formatInr(toFreeShipping, { style: "price" })} more for free shipping.`
                : "You get free shipping."}
            </p>
            <CheckoutLink />
          </aside>
        </div>
      )}
    </div>
  );
}
