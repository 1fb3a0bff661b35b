import { LockClosedIcon } from "@heroicons/react/24/outline";
import Link from "next/link";

/** The way from a cart (its page or its drawer) to checkout. */
export function CheckoutLink() {
  return (
    <Link
      href="/checkout"
      className="flex h-12 items-center justify-center gap-2 rounded-control bg-accent px-4 font-semibold text-white hover:bg-accent-hover"
    >
      <LockClosedIcon aria-hidden="true" className="size-5" />
      Checkout
    </Link>
  );
}
