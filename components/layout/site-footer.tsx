import Link from "next/link";

/** Fixed labels (the pages' own titles are the owner's): the footer stays static on every cached page. */
const POLICY_LINKS = [
  { href: "/policies/terms", label: "Terms and conditions" },
  { href: "/policies/privacy", label: "Privacy policy" },
  { href: "/policies/refunds", label: "Refunds and cancellation" },
  { href: "/policies/shipping", label: "Shipping and delivery" },
  { href: "/policies/contact", label: "Contact us" },
];

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-page space-y-3 px-4 py-8 text-sm text-muted sm:px-6 lg:px-8">
        <nav aria-label="Policies" className="flex flex-wrap gap-x-4 gap-y-1">
          {POLICY_LINKS.map((link) => (
            <Link key={link.href} href={link.href} className="underline hover:text-brand-700">
              {link.label}
            </Link>
          ))}
          <Link href="/orders/find" className="underline hover:text-brand-700">
            Find my order
          </Link>
        </nav>
        <div className="flex flex-col gap-1 sm:flex-row sm:justify-between">
          <p>Kaveri &amp; Co. · Handmade in India</p>
          <p>Payments secured by Cashfree · Prices include GST</p>
        </div>
      </div>
    </footer>
  );
}
