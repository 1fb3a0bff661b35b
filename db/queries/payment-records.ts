import { and, eq, notInArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { disputes, orderEvents, orders, paymentLinks, refunds } from "../schema";

const FINAL_REFUND_STATUSES = ["SUCCESS", "CANCELLED", "FAILED"];

export async function orderExists(db: Database, orderId: string) {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
  return !!row;
}

/**
 * Moves a refund we created to Cashfree's status; a final status never changes again. A refund that ends
 * CANCELLED or FAILED gives its amount back to the order's refundable balance. Returns false if unknown.
 */
export async function updateRefundStatus(db: Database, refundId: string, values: { status: string; cfRefundId: string | null; description: string | null }) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(refunds).where(eq(refunds.refundId, refundId)).for("update");
    if (!existing) return false;
    if (FINAL_REFUND_STATUSES.includes(existing.status) || existing.status === values.status) return true;
    await tx
      .update(refunds)
      .set({
        status: values.status,
        cfRefundId: values.cfRefundId ?? existing.cfRefundId,
        statusDescription: values.description,
        processedAt: values.status === "SUCCESS" ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(and(eq(refunds.refundId, refundId), notInArray(refunds.status, FINAL_REFUND_STATUSES)));
    if (values.status === "CANCELLED" || values.status === "FAILED") {
      await tx.update(orders).set({ refundedPaise: sql`${orders.refundedPaise} - ${existing.amountPaise}` }).where(eq(orders.id, existing.orderId));
    }
    await tx.insert(orderEvents).values({ orderId: existing.orderId, type: `refund_${values.status.toLowerCase()}`, source: "webhook", detail: { refundId, amountPaise: existing.amountPaise } });
    return true;
  });
}

/** A refund Cashfree made without us (auto-refund of a duplicate payment, or one issued from the dashboard). */
export async function insertExternalRefund(db: Database, refund: typeof refunds.$inferInsert) {
  await db.transaction(async (tx) => {
    const [inserted] = await tx.insert(refunds).values(refund).onConflictDoNothing({ target: refunds.refundId }).returning({ id: refunds.id });
    if (!inserted) return;
    if (refund.refundType === "MERCHANT_INITIATED") {
      await tx
        .update(orders)
        .set({ refundedPaise: sql`least(${orders.totalPaise}, ${orders.refundedPaise} + ${refund.amountPaise})` })
        .where(eq(orders.id, refund.orderId));
    }
    await tx.insert(orderEvents).values({ orderId: refund.orderId, type: "refund_recorded", source: "webhook", detail: { refundId: refund.refundId, amountPaise: refund.amountPaise, refundType: refund.refundType, status: refund.status } });
  });
}

export async function upsertDispute(db: Database, dispute: typeof disputes.$inferInsert) {
  await db
    .insert(disputes)
    .values(dispute)
    .onConflictDoUpdate({ target: disputes.disputeId, set: { status: dispute.status, disputeType: dispute.disputeType, reasonDescription: dispute.reasonDescription, respondBy: dispute.respondBy, updatedAt: new Date() } });
}

export async function updatePaymentLinkFromEvent(db: Database, linkId: string, values: { status: string; amountPaidPaise: number; orderId: string | null }) {
  const [row] = await db
    .update(paymentLinks)
    .set({ status: values.status, amountPaidPaise: values.amountPaidPaise, updatedAt: new Date() })
    .where(eq(paymentLinks.linkId, linkId))
    .returning({ orderId: paymentLinks.orderId, amountPaise: paymentLinks.amountPaise, currency: paymentLinks.currency });
  return row;
}
