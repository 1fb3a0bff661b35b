import "server-only";

import { sql } from "drizzle-orm";

import { getDb } from "@/db";
import * as orderQueries from "@/db/queries/orders";
import * as queries from "@/db/queries/refunds";
import { orders } from "@/db/schema";
import type { Admin } from "@/lib/auth/admins";
import { CashfreeApiError, cashfree } from "@/lib/cashfree";
import { formatInr } from "@/lib/money";

export interface RefundRequest {
  orderId: string;
  amountPaise: number;
  reason: string;
  /** Chosen by the refund form once; a double click or retry carries it again and finds the same refund. */
  refundKey: string;
}

export type RefundResult = { ok: true; refundId: string; status: string; message: string } | { ok: false; error: string };

const REFUNDABLE = new Set(["paid", "needs_review"]);

/** Reserves the amount against the order's refundable balance and records the refund, under the order's row lock. */
async function reserveRefund(admin: Admin, request: RefundRequest, refundId: string): Promise<queries.RefundRow | string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const order = await orderQueries.getOrderForUpdate(tx, request.orderId);
    if (!order) return "Order not found.";
    const existing = await queries.getRefundByRefundId(tx, refundId);
    if (existing) return existing;
    if (!REFUNDABLE.has(order.status)) return "Only paid orders can be refunded.";
    const remaining = order.totalPaise - order.refundedPaise;
    if (request.amountPaise > remaining) return `Only ${formatInr(remaining)} of this order can still be refunded.`;
    // A staff limit is per order, in total: two refunds cannot together go past it.
    if (admin.role === "staff" && admin.refundLimitPaise !== null && order.refundedPaise + request.amountPaise > admin.refundLimitPaise) {
      const already = order.refundedPaise > 0 ? ` ${formatInr(order.refundedPaise)} of this order is already refunded.` : "";
      return `Staff can refund up to ${formatInr(admin.refundLimitPaise)} of an order in total.${already} Ask an owner.`;
    }
    await tx.update(orders).set({ refundedPaise: sql`${orders.refundedPaise} + ${request.amountPaise}` }).where(sql`${orders.id} = ${order.id}`);
    const refund = await queries.insertRefund(tx, { orderId: order.id, refundId, amountPaise: request.amountPaise, reason: request.reason, createdBy: admin.email, status: "PENDING" });
    await orderQueries.appendOrderEvents(tx, [{ orderId: order.id, type: "refund_requested", source: "admin", detail: { refundId, amountPaise: request.amountPaise, reason: request.reason, by: admin.email } }]);
    return refund;
  });
}

async function releaseFailedRefund(refund: queries.RefundRow, reason: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await queries.updateRefund(tx, refund.refundId, { status: "FAILED", statusDescription: reason });
    await tx.update(orders).set({ refundedPaise: sql`${orders.refundedPaise} - ${refund.amountPaise}` }).where(sql`${orders.id} = ${refund.orderId}`);
    await orderQueries.appendOrderEvents(tx, [{ orderId: refund.orderId, type: "refund_failed", source: "admin", detail: { refundId: refund.refundId, reason } }]);
  });
}

/** A full or partial refund through Cashfree; never more than what remains refundable, and exactly one per refund key. */
export async function issueRefund(admin: Admin, request: RefundRequest): Promise<RefundResult> {
  const refundId = `rf_${request.refundKey.replaceAll("-", "")}`;
  const reserved = await reserveRefund(admin, request, refundId);
  if (typeof reserved === "string") return { ok: false, error: reserved };
  if (reserved.cfRefundId || reserved.status !== "PENDING") {
    return { ok: true, refundId, status: reserved.status, message: "This refund was already submitted." };
  }
  try {
    const refund = await cashfree.createRefund({ orderId: reserved.orderId, refundId, amountPaise: reserved.amountPaise, note: request.reason.slice(0, 100), idempotencyKey: reserved.id });
    await queries.updateRefund(await getDb(), refundId, { cfRefundId: refund.cfRefundId, cfPaymentId: refund.cfPaymentId, status: refund.status === "SUCCESS" ? "SUCCESS" : "PENDING", statusDescription: refund.description });
    return { ok: true, refundId, status: refund.status, message: `Refund of ${formatInr(reserved.amountPaise)} submitted to Cashfree.` };
  } catch (error) {
    if (error instanceof CashfreeApiError && !error.isRetryable) {
      await releaseFailedRefund(reserved, error.message);
      return { ok: false, error: `Cashfree refused the refund: ${error.message}` };
    }
    // Unknown outcome (timeout): the refund stays PENDING; Cashfree's webhook, or a retry with the same key, settles it.
    return { ok: true, refundId, status: "PENDING", message: "Refund submitted; Cashfree has not confirmed it yet. Its status will update here." };
  }
}
