import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OrderProgress } from "@/components/order/order-progress";
import { OrderReceipt } from "@/components/order/order-receipt";
import { OrderStatusBanner } from "@/components/order/order-status-banner";
import { RetryPayment } from "@/components/order/retry-payment";
import { browserCheckoutConfig } from "@/lib/cashfree/checkout-config";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { formatInr } from "@/lib/money";
import { confirmAndLoadOrder } from "@/lib/orders/confirm";
import { orderHeadline } from "@/lib/orders/headline";
import { isPaid } from "@/lib/orders/transitions";
import { orderIdSchema } from "@/lib/schemas";
import { canRetryPayment, isStillConfirming } from "@/lib/orders/view";
import { getSetting } from "@/lib/settings";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  // Next.js hands the segment over decoded; one that is no order id of ours (`%00`) is not looked up.
  const id = orderIdSchema.safeParse(orderId);
  if (!id.success) notFound();
  const order = await confirmAndLoadOrder(
    id.data,
    typeof token === "string" ? token : undefined,
    clientAddress(await headers(), env.trustedProxyHops),
  );
  if (!order) notFound();

  const { title, body, tone } = orderHeadline(order);
  const open = canRetryPayment(order);
  const pending = isStillConfirming(order);
  const variant = await getSetting("checkout_variant");

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <OrderStatusBanner title={title} body={body} tone={tone} refreshing={pending} />
      {open && !pending && (
        <RetryPayment
          orderId={order.id}
          token={order.accessToken}
          sdk={browserCheckoutConfig()}
          variant={variant}
          label={`Pay ${formatInr(order.totalPaise)}`}
        />
      )}
      {isPaid(order.status) && <OrderProgress order={order} />}
      <OrderReceipt order={order} />
      <p className="text-sm text-stone-600">
        Keep this page&apos;s link to check your order later.{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}
