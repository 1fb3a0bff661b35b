import "server-only";

import { after } from "next/server";

import { getDb } from "@/db";
import { getOrder } from "@/db/queries/orders";
import { issueRefund } from "@/lib/refunds";
import { getSetting } from "@/lib/settings";
import { logError, redact } from "@/lib/log";

/** The store's own rule, not a person: no staff limit applies, and the timeline says who it was. */
const AUTO_REFUND = { actor: { type: "system", name: "Automatic refund" }, maxRefundedPaise: null } as const;

/**
 * A payment that arrived after its order expired and its stock was sold is flagged for the merchant; when the
 * store setting says so, it is also refunded in full. The refund key is fixed per order, so a second trigger
 * finds the same refund instead of making another.
 */
async function refundIfPaidWithoutStock(orderId: string) {
  if (!(await getSetting("auto_refund_late_payments"))) return;
  const order = await getOrder(await getDb(), orderId);
  if (!order) return;
  const outcome = await issueRefund(AUTO_REFUND, {
    orderId,
    amountPaise: order.totalPaise - order.refundedPaise,
    reason: "Paid after the order expired and the items sold out",
    refundKey: `auto-${orderId}`,
  });
  if (!outcome.ok) console.error(`auto-refund of ${orderId} failed: ${redact(outcome.error)}`);
}

/** Runs the auto-refund after the response when inside a request (a webhook must answer fast), else now. */
export function scheduleLatePaymentRefund(orderId: string) {
  const work = () =>
    refundIfPaidWithoutStock(orderId).catch((error: unknown) => logError(`auto-refund of ${orderId}`, error));
  try {
    after(work);
  } catch {
    // Outside a request (the reconcile CLI, tests): do it now.
    void work();
  }
}
