import Link from "next/link";

/** The way from a cart (its page or its drawer) to checkout. */
export function CheckoutLink() {
  return (
    <Link
      href="/checkout"
      className="block rounded-lg bg-brand-600 px-4 py-3 text-center font-semibold text-white hover:bg-brand-700"
    >
      Checkout
    </Link>
  );
}
