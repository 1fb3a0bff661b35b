import type { Metadata } from "next";

import { FindOrderForm } from "@/components/order/find-order-form";

export const metadata: Metadata = { title: "Find my order", robots: { index: false } };

export default function FindOrderPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Find my order</h1>
      <p className="text-stone-700">
        Enter the e-mail you ordered with and the order number from your receipt. We will e-mail that address a link to
        the order.
      </p>
      <FindOrderForm />
    </div>
  );
}
