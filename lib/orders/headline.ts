/**
 * The order page's headline: what is true of the order now, in the shopper's words. Paid orders are told by
 * where they are (confirmed, on its way, delivered, cancelled) and by what came back (refunds, a chargeback), from
 * the order's own state (`moneyBack`, `paidOrderStage`), never from how the payment once went.
 */
import { isClosedStatus } from "@/lib/disputes/state";
import { formatInr } from "@/lib/money";

import { isPaid } from "./transitions";
import { latestAttemptOutcome, moneyBack, type OrderView, paidOrderStage } from "./view";

export type Tone = "success" | "error" | "waiting" | "neutral";
export interface Headline {
  title: string;
  body: string;
  tone: Tone;
}

/** Cashfree's failure reasons are lower-case fragments ("insufficient funds in the customer's account"). */
function sentence(text: string) {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? "" : "."}`;
}

const STAGE = {
  confirmed: { title: "Payment successful", next: "Your order is confirmed and will ship soon." },
  shipped: { title: "Your order is on its way", next: "It has shipped: track it below." },
  delivered: { title: "Delivered", next: "Your order was delivered." },
  cancelled: { title: "Order cancelled", next: "Your order was cancelled before it shipped." },
} as const;

// Banks take this long to show a refund (Cashfree: 5–7 working days), as the refund e-mail says.
const REFUND_TIME = "banks usually take 5–7 working days to show it";

function paidHeadline(order: OrderView): Headline {
  const money = moneyBack(order);
  const stage = STAGE[paidOrderStage(order.shipment)];
  const total = formatInr(order.totalPaise);
  const underway =
    money.refundingPaise > 0 ? ` A refund of ${formatInr(money.refundingPaise)} is in progress: ${REFUND_TIME}.` : "";

  if (order.disputes.some((d) => !isClosedStatus(d.status)))
    return {
      title: "Payment disputed",
      body: `Your bank has opened a dispute on this payment of ${total}. The bank decides it and will tell you the outcome; nothing more is needed from you here.`,
      tone: "waiting",
    };
  if (money.chargebackPaise > 0)
    return {
      title: "Payment returned by your bank",
      body: `After a dispute, your bank returned ${formatInr(money.chargebackPaise)} of your ${total} to you.`,
      tone: "neutral",
    };
  if (money.netPaidPaise === 0)
    return {
      title: stage === STAGE.cancelled ? "Cancelled and refunded" : "Refunded",
      body: `${stage === STAGE.cancelled ? `${stage.next} ` : ""}Your ${total} was refunded in full.`,
      tone: "neutral",
    };
  if (stage === STAGE.cancelled)
    return {
      title: stage.title,
      body: `${stage.next}${underway || " Your refund will follow."}`,
      tone: "neutral",
    };
  if (money.refundedPaise > 0)
    return {
      title: "Partly refunded",
      body: `${formatInr(money.refundedPaise)} of your ${total} was refunded: you paid ${formatInr(money.netPaidPaise)} in the end. ${stage.next}${underway}`,
      tone: "success",
    };
  return {
    title: stage.title,
    body: `Thank you, ${order.customerName}. ${stage.next}${underway} This page is your receipt.`,
    tone: "success",
  };
}

export function orderHeadline(order: OrderView): Headline {
  if (isPaid(order.status)) return paidHeadline(order);
  const attempt = order.latestAttempt;
  switch (order.status) {
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
    default: {
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
}
