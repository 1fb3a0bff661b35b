import Link from "next/link";

/**
 * An order page asked for without its link's token, with a wrong one, or for an order that does not exist: the
 * same words and the same 404 for all three, so the page tells nobody whether an order id is real.
 */
export function OrderLinkNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">
        Open your order from its <span className="whitespace-nowrap">e-mail</span>
      </h1>
      <p className="text-stone-700">
        Order pages open only from the link in your order e-mail: it carries a private key that shows the order is
        yours. This address is missing that key, or it does not match. Open the link from the e-mail, or have it sent to
        you again.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link
          href="/orders/find"
          className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Find my order
        </Link>
        <Link
          href="/"
          className="inline-block rounded-lg border border-stone-300 px-4 py-2 font-medium text-stone-800 hover:bg-stone-100"
        >
          Back to the shop
        </Link>
      </div>
    </div>
  );
}
