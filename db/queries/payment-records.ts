import { and, desc, eq, notInArray } from "drizzle-orm";

import type { Database } from "../client";
import { disputes, orders, paymentLinks, refunds } from "../schema";

export async function orderExists(db: Database, orderId: string) {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
  return !!row;
}

export const FINAL_REFUND_STATUSES = ["SUCCESS", "CANCELLED", "FAILED"];

export async function getRefund(db: Database, refundId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(refunds).where(eq(refunds.refundId, refundId));
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

/** Moves a refund to Cashfree's status; a final status never changes again. */
export async function setRefundStatus(
  db: Database,
  refundId: string,
  values: { status: string; cfRefundId: string | null; description: string | null },
) {
  await db
    .update(refunds)
    .set({
      status: values.status,
      cfRefundId: values.cfRefundId ?? undefined,
      statusDescription: values.description,
      processedAt: values.status === "SUCCESS" ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(and(eq(refunds.refundId, refundId), notInArray(refunds.status, FINAL_REFUND_STATUSES)));
}

/** Records a refund Cashfree made without us; false when it was recorded before. */
export async function insertRefundIfNew(db: Database, refund: typeof refunds.$inferInsert) {
  const [inserted] = await db
    .insert(refunds)
    .values(refund)
    .onConflictDoNothing({ target: refunds.refundId })
    .returning({ id: refunds.id });
  return !!inserted;
}

export async function updatePaymentLinkFromEvent(
  db: Database,
  linkId: string,
  values: { status: string; amountPaidPaise: number; orderId: string | null },
) {
  const [row] = await db
    .update(paymentLinks)
    .set({ status: values.status, amountPaidPaise: values.amountPaidPaise, updatedAt: new Date() })
    .where(eq(paymentLinks.linkId, linkId))
    .returning({
      orderId: paymentLinks.orderId,
      amountPaise: paymentLinks.amountPaise,
      currency: paymentLinks.currency,
    });
  return row;
}

export function listOrderRefunds(db: Database, orderId: string) {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(desc(refunds.createdAt));
}

export function listOrderDisputes(db: Database, orderId: string) {
  return db.select().from(disputes).where(eq(disputes.orderId, orderId)).orderBy(desc(disputes.createdAt));
}
