import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OrderProgress } from "@/components/order/order-progress";
import { OrderReceipt } from "@/components/order/order-receipt";
import { OrderStatusBanner, type Tone } from "@/components/order/order-status-banner";
import { RetryPayment } from "@/components/order/retry-payment";
import { browserCheckoutConfig } from "@/lib/cashfree/checkout-config";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { formatInr } from "@/lib/money";
import { confirmAndLoadOrder } from "@/lib/orders/confirm";
import { isPaid } from "@/lib/orders/transitions";
import { orderIdSchema } from "@/lib/schemas";
import {
  canRetryPayment,
  isStillConfirming,
  latestAttemptOutcome,
  type OrderView,
  paidOrderStage,
} from "@/lib/orders/view";
import { getSetting } from "@/lib/settings";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

/** Cashfree's failure reasons are lower-case fragments ("insufficient funds in the customer's account"). */
function sentence(text: string) {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? "" : "."}`;
}

const PAID_STAGE_TEXT = {
  delivered: "Your order was delivered.",
  shipped: "Your order is on its way: track it below.",
  cancelled: "Your order was cancelled and refunded.",
  confirmed: "Your order is confirmed and will ship soon.",
} as const;

const paidNextStep = (order: OrderView) => PAID_STAGE_TEXT[paidOrderStage(order.shipment)];

function headline(order: OrderView): { title: string; body: string; tone: Tone } {
  const attempt = order.latestAttempt;
  switch (order.status) {
    case "paid":
      return {
        title: "Payment successful",
        body: `Thank you, ${order.customerName}. ${paidNextStep(order)} This page is your receipt.`,
        tone: "success",
      };
    case "needs_review":
      return {
        title: "We are checking your payment",
        body: "Your payment reached us, but something needs a quick manual check. We will email you within one working day; you do not need to pay again.",
        tone: "waiting",
      };
    case "expired":
      return {
        title: "This order expired",
        body: "The time to pay ran out and nothing was charged. The items are no longer reserved.",
        tone: "neutral",
      };
    case "cancelled":
      return { title: "This order was cancelled", body: "Nothing was charged.", tone: "neutral" };
    case "checkout_failed":
      return {
        title: "Payment could not start",
        body: "We could not reach the payment provider and nothing was charged.",
        tone: "error",
      };
    default:
      if (order.confirmationDelayed)
        return {
          title: "Confirming your payment",
          body: "We could not reach Cashfree just now. If you paid, there is nothing more to do: we will confirm it shortly.",
          tone: "waiting",
        };
      const outcome = latestAttemptOutcome(order);
      if (outcome === "failed" || outcome === "not_completed") {
        const reason =
          outcome === "not_completed"
            ? "The payment was not completed."
            : sentence(attempt?.reason ?? "The bank declined the payment.");
        return {
          title: "Payment failed",
          body: `${reason} No money was taken. You can try again below.`,
          tone: "error",
        };
      }
      if (outcome === "pending")
        return {
          title: "Payment pending",
          body: "Your bank is still processing the payment. This page updates by itself; please do not pay again.",
          tone: "waiting",
        };
      return {
        title: "Awaiting payment",
        body: "Your order is saved. Complete the payment to confirm it.",
        tone: "waiting",
      };
  }
}

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

  const { title, body, tone } = headline(order);
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
