import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p>
          Kaveri &amp; Co. · Handmade in India ·{" "}
          <Link href="/orders/find" className="underline hover:text-brand-700">
            Find my order
          </Link>
        </p>
        <p>Payments secured by Cashfree · Prices include GST</p>
      </div>
    </footer>
  );
}
