import { eq } from "drizzle-orm";

import { refunds } from "../schema";
import type { Executor } from "./orders";

export type RefundRow = typeof refunds.$inferSelect;
/** What a refund's message needs to know of its order. */
export type OrderRefundView = { totalPaise: number; refundedPaise: number };

export async function getRefundByRefundId(db: Executor, refundId: string) {
  const [row] = await db.select().from(refunds).where(eq(refunds.refundId, refundId));
  return row;
}

export async function insertRefund(db: Executor, refund: typeof refunds.$inferInsert) {
  const [row] = await db.insert(refunds).values(refund).returning();
  return row!;
}

export async function updateRefund(db: Executor, refundId: string, values: Partial<typeof refunds.$inferInsert>) {
  await db
    .update(refunds)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(refunds.refundId, refundId));
}
