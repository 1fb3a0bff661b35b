import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/refunds";
import type { Admin } from "@/lib/auth/admins";
import { CashfreeApiError, cashfree } from "@/lib/cashfree";
import { log, withLogFields } from "@/lib/log";
import { formatInr } from "@/lib/money";
import { type Actor, adminActor, cashfreeVia } from "@/lib/orders/actors";
import { emailJob } from "@/lib/orders/jobs";
import { type Refusal, refundablePaise } from "@/lib/orders/transitions";
import { changeOrder, withOrders } from "@/lib/orders/unit-of-work";

export interface RefundRequest {
  orderId: string;
  amountPaise: number;
  reason: string;
  /** Chosen by the refund form once; a double click or retry carries it again and finds the same refund. */
  refundKey: string;
}

export type RefundResult =
  { ok: true; refundId: string; status: string; message: string } | { ok: false; error: string };

/**
 * Who asks for a refund, and how far they may take the order's refunded total. Decided by the caller from the
 * signed-in admin (`refundAuthorityOf`) or the store's own rule; the actor is only the timeline's record.
 */
export interface RefundAuthority {
  actor: Actor;
  /** A staff member's limit: the most the order's total refunded may reach. Null: no limit. */
  maxRefundedPaise: number | null;
}

export function refundAuthorityOf(admin: Admin): RefundAuthority {
  return { actor: adminActor(admin), maxRefundedPaise: admin.role === "staff" ? admin.refundLimitPaise : null };
}

const actorName = (actor: Actor) =>
  actor.type === "admin" ? actor.email : actor.type === "system" ? actor.name : actor.type;

function refusalMessage(refusal: Refusal, order: queries.OrderRefundView, authority: RefundAuthority) {
  if (refusal === "exceeds_balance")
    return `Only ${formatInr(refundablePaise(order))} of this order can still be refunded.`;
  if (refusal === "exceeds_limit") {
    const already =
      order.refundedPaise > 0 ? ` ${formatInr(order.refundedPaise)} of this order is already refunded.` : "";
    return `Staff can refund up to ${formatInr(authority.maxRefundedPaise ?? 0)} of an order in total.${already} Ask an owner.`;
  }
  return "Only paid orders can be refunded.";
}

/**
 * A refund key names one refund: sent again (a double click, a retried request) it finds that refund. A key that
 * comes back with another order or amount is a form used twice, not a retry, and refunds nothing.
 */
const sameRefund = (existing: queries.RefundRow, request: RefundRequest) =>
  existing.orderId === request.orderId && existing.amountPaise === request.amountPaise;
const REUSED_KEY = "This refund form was already used for another refund. Reload the page to make a new one.";

/** Reserves the amount against the order's refundable balance and records the refund, under the order's row lock. */
async function reserveRefund(
  authority: RefundAuthority,
  request: RefundRequest,
  refundId: string,
): Promise<queries.RefundRow | string> {
  const reserved = await changeOrder(await getDb(), request.orderId, async (orders, order) => {
    const existing = await queries.getRefundByRefundId(orders.tx, refundId);
    if (existing) return sameRefund(existing, request) ? existing : REUSED_KEY;
    const command = {
      type: "request_refund",
      amountPaise: request.amountPaise,
      maxRefundedPaise: authority.maxRefundedPaise,
    } as const;
    const result = await orders.apply(order, [command], authority.actor, {
      detail: { refundId, amountPaise: request.amountPaise, reason: request.reason },
    });
    if (result.refusal) return refusalMessage(result.refusal, order, authority);
    return queries.insertRefund(orders.tx, {
      orderId: order.id,
      refundId,
      amountPaise: request.amountPaise,
      reason: request.reason,
      createdBy: actorName(authority.actor),
      status: "PENDING",
    });
  });
  return reserved ?? "Order not found.";
}

async function releaseFailedRefund(refund: queries.RefundRow, reason: string, actor: Actor) {
  await withOrders(await getDb(), async (orders) => {
    const order = await orders.lock(refund.orderId);
    await queries.updateRefund(orders.tx, refund.refundId, { status: "FAILED", statusDescription: reason });
    if (order)
      await orders.apply(order, [{ type: "refund_failed", amountPaise: refund.amountPaise }], actor, {
        detail: { refundId: refund.refundId, reason },
      });
  });
}

/**
 * Cashfree answered the refund with SUCCESS at once: recorded through the order writer as its webhook would be
 * (credit note, e-mail), so the webhook that follows finds it settled and changes nothing.
 */
async function recordRefundSucceeded(refund: queries.RefundRow, ids: Partial<queries.RefundRow>) {
  await withOrders(await getDb(), async (orders) => {
    const order = await orders.lock(refund.orderId);
    await queries.updateRefund(orders.tx, refund.refundId, { ...ids, status: "SUCCESS" });
    if (!order) return;
    orders.enqueue([emailJob(order.id, "refund_completed", refund.refundId, { refundId: refund.refundId })]);
    const command = { type: "refund_succeeded", refundId: refund.refundId, amountPaise: refund.amountPaise } as const;
    await orders.apply(order, [command], cashfreeVia("admin"), {
      detail: { refundId: refund.refundId, amountPaise: refund.amountPaise },
    });
  });
}

/** Our refund_id at Cashfree for a refund key: the same key always names the same refund. */
export function refundIdFor(refundKey: string) {
  return `rf_${refundKey.replaceAll("-", "")}`;
}

/** A full or partial refund through Cashfree; never more than what remains refundable, and exactly one per refund key. */
export async function issueRefund(authority: RefundAuthority, request: RefundRequest): Promise<RefundResult> {
  const refundId = refundIdFor(request.refundKey);
  return withLogFields({ orderId: request.orderId, refundId }, () => submitRefund(authority, request, refundId));
}

async function submitRefund(
  authority: RefundAuthority,
  request: RefundRequest,
  refundId: string,
): Promise<RefundResult> {
  const reserved = await reserveRefund(authority, request, refundId);
  if (typeof reserved === "string") return { ok: false, error: reserved };
  if (reserved.status === "FAILED" || reserved.status === "CANCELLED") {
    const why = reserved.statusDescription ? `: ${reserved.statusDescription}` : ".";
    return {
      ok: false,
      error: `This refund was already tried and did not go through${why} Reload the page to try again.`,
    };
  }
  if (reserved.cfRefundId || reserved.status !== "PENDING") {
    return { ok: true, refundId, status: reserved.status, message: "This refund was already submitted." };
  }
  try {
    const refund = await cashfree.createRefund({
      orderId: reserved.orderId,
      refundId,
      amountPaise: reserved.amountPaise,
      note: request.reason.slice(0, 100),
      idempotencyKey: reserved.id,
    });
    const ids = {
      cfRefundId: refund.cfRefundId,
      cfPaymentId: refund.cfPaymentId,
      statusDescription: refund.description,
    };
    if (refund.status === "SUCCESS") await recordRefundSucceeded(reserved, ids);
    else await queries.updateRefund(await getDb(), refundId, { ...ids, status: "PENDING" });
    return {
      ok: true,
      refundId,
      status: refund.status,
      message: `Refund of ${formatInr(reserved.amountPaise)} submitted to Cashfree.`,
    };
  } catch (error) {
    if (error instanceof CashfreeApiError && !error.isRetryable) {
      log.warn({ err: error }, "refund refused by Cashfree");
      await releaseFailedRefund(reserved, error.message, authority.actor);
      return { ok: false, error: `Cashfree refused the refund: ${error.message}` };
    }
    // Unknown outcome (timeout): the refund stays PENDING; Cashfree's webhook, or a retry with the same key, settles it.
    log.warn({ err: error }, "refund outcome unknown; left pending for Cashfree's webhook");
    return {
      ok: true,
      refundId,
      status: "PENDING",
      message: "Refund submitted; Cashfree has not confirmed it yet. Its status will update here.",
    };
  }
}
