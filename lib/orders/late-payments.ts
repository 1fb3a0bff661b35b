import "server-only";

import { getDb } from "@/db";
import { getOrder } from "@/db/queries/orders";
import { getRefundByRefundId } from "@/db/queries/refunds";
import { issueRefund, refundIdFor } from "@/lib/refunds";
import { getSetting } from "@/lib/settings";

/** The store's own rule, not a person: no staff limit applies, and the timeline says who it was. */
const AUTO_REFUND = { actor: { type: "system", name: "Automatic refund" }, maxRefundedPaise: null } as const;

/**
 * A payment that arrived after its order expired and its stock was sold is flagged for the merchant; when the
 * store setting says so, it is also refunded in full, by an outbox job. The refund key is fixed per order, so a
 * job run twice finds the same refund instead of making another; it throws (and is retried) until Cashfree has
 * taken the refund.
 */
export async function refundLatePayment(orderId: string) {
  if (!(await getSetting("auto_refund_late_payments"))) return;
  const db = await getDb();
  const order = await getOrder(db, orderId);
  if (!order) return;
  const refundKey = `auto-${orderId}`;
  const refundId = refundIdFor(refundKey);
  const earlier = await getRefundByRefundId(db, refundId);
  // What the shopper paid: the total less a Cashfree offer's discount, which was never theirs to get back.
  const remaining = order.totalPaise - (order.offerDiscountPaise ?? 0) - order.refundedPaise;
  // Refunded in full by hand meanwhile: nothing left for the rule to do.
  if (!earlier && remaining <= 0) return;
  // A refund this rule started before is found by its key and only sent to Cashfree again (same idempotency key).
  const amountPaise = earlier?.amountPaise ?? remaining;
  const outcome = await issueRefund(AUTO_REFUND, {
    orderId,
    amountPaise,
    reason: "Paid after the order expired and the items sold out",
    refundKey,
  });
  if (!outcome.ok) throw new Error(`auto-refund refused: ${outcome.error}`);
  if (!(await getRefundByRefundId(db, refundId))?.cfRefundId)
    throw new Error("Cashfree has not confirmed the auto-refund yet");
}
