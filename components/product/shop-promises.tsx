import { ArrowUturnLeftIcon, ShieldCheckIcon, TruckIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

import { formatInr } from "@/lib/money";
import { FREE_SHIPPING_THRESHOLD_PAISE, SHIPPING_FEE_PAISE } from "@/lib/pricing";

const price = (paise: number) => formatInr(paise, { style: "price" });

/**
 * What every order gets, said where the shopper decides (the product page, the home page): delivery, returns and
 * payment, each a row with its icon (shared/DESIGN.md §3.5; an Indian D2C shop's ShippingReturnsInfo). No pincode
 * checker: the shop cannot promise a date per PIN, so it doesn't pretend to.
 */
export function ShopPromises({ layout }: { layout: "rows" | "strip" }) {
  const items = [
    {
      icon: TruckIcon,
      text: `Free delivery over ${price(FREE_SHIPPING_THRESHOLD_PAISE)}`,
      detail: `${price(SHIPPING_FEE_PAISE)} below that`,
      href: "/policies/shipping",
    },
    // The window is the owner's to set in the policy: the row links to it rather than quote it.
    { icon: ArrowUturnLeftIcon, text: "Returns and refunds", detail: "Read the policy", href: "/policies/refunds" },
    {
      icon: ShieldCheckIcon,
      text: "Secure payment",
      detail: "UPI, cards and netbanking via Cashfree",
      href: null,
    },
  ];
  if (layout === "strip")
    return (
      <ul className="grid gap-3 rounded-card border border-line bg-surface p-4 text-sm sm:grid-cols-3 sm:gap-6">
        {items.map(({ icon: Icon, text, detail }) => (
          <li key={text} className="flex items-center gap-3">
            <Icon aria-hidden="true" className="size-6 shrink-0 text-brand-700" />
            <span>
              <span className="block font-medium">{text}</span>
              <span className="text-muted">{detail}</span>
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="divide-y divide-line border-y border-line text-sm">
      {items.map(({ icon: Icon, text, detail, href }) => (
        <li key={text} className="flex min-h-12 items-center gap-3 py-2">
          <Icon aria-hidden="true" className="size-5 shrink-0 text-brand-700" />
          <span>
            <span className="font-medium">{text}</span>
            <span className="text-muted">
              {" · "}
              {href ? (
                <Link href={href} className="underline hover:text-ink">
                  {detail}
                </Link>
              ) : (
                detail
              )}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
