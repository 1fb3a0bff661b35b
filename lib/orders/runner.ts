import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/orders";
import { enqueueJobs, type NewOutboxJob } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { issueCreditNote, issueInvoice } from "@/lib/invoices/issue";

import type { Actor } from "./actors";
import { eventSource, type OrderEventInput, type OrderEventType } from "./events";
import { afterCommit, type AfterCommitWork } from "./after-commit";
import { jobsFor } from "./jobs";
import { applyStockEffects } from "./stock";
import {
  decide,
  type FulfilmentStatus,
  type OrderCommand,
  type OrderSnapshot,
  type OrderStatus,
  type Refusal,
} from "./transitions";

/**
 * The one writer of order state. Every change to an order (Cashfree's signals, checkout, fulfilment, refunds,
 * payment links) is a command: the order's row is locked, the pure `decide()` says what follows, and the effects
 * (stock, cart, fulfilment, tax invoice and credit notes, refunded total, flags), the update and its typed events are written in the same
 * transaction, with the outbox jobs the change causes (e-mails, the late-payment refund, telling Cashfree about
 * a shipment). What must wait for the commit (page refreshes, running those jobs) comes back as work for
 * `afterCommit`.
 */

export interface CommandResult {
  found: boolean;
  from?: OrderStatus;
  to?: OrderStatus;
  /** The first command that could not apply, with nothing written. */
  refusal?: Refusal;
  /** The order as it stands after the commands (as it was, when refused; undefined when not found). */
  order?: queries.OrderRow;
  fulfilled: boolean;
  stockChanged: boolean;
  paidWithoutStock: boolean;
  work: AfterCommitWork[];
}

export interface CommandOptions {
  /** Extra detail for each command's timeline event (a refund id, tracking numbers, a webhook event id). */
  detail?: Record<string, unknown>;
  /** Field updates decided by the caller under the same lock (Cashfree's ids, its order status). */
  updates?: Partial<queries.NewOrder>;
  /** Events the caller records under the same lock (payment attempts). */
  events?: OrderEventInput[];
  /** Outbox jobs the caller adds under the same lock. */
  jobs?: NewOutboxJob[];
  /**
   * Outbox jobs that depend on where the commands leave the order, given the order as it stands after them (the
   * e-mail for a failed payment attempt, which offers to pay again).
   */
  outcomeJobs?: (after: queries.OrderRow) => NewOutboxJob[];
}

const NOT_FOUND: CommandResult = {
  found: false,
  fulfilled: false,
  stockChanged: false,
  paidWithoutStock: false,
  work: [],
};

export function lockOrder(tx: queries.Executor, orderId: string) {
  return queries.getOrderForUpdate(tx, orderId);
}

const snapshot = (
  order: queries.OrderRow,
  status: OrderStatus,
  fulfilment: FulfilmentStatus,
  refundedPaise: number,
): OrderSnapshot => ({
  status,
  fulfilment,
  totalPaise: order.totalPaise,
  refundedPaise,
});

/** The timeline's name for what a command did. */
function eventType(command: OrderCommand, decision: ReturnType<typeof decide>, from: OrderStatus): OrderEventType {
  switch (command.type) {
    case "checkout_failed":
    case "checkout_superseded":
      return command.type;
    case "mark_shipped":
      return "order_shipped";
    case "mark_delivered":
      return "order_delivered";
    case "cancel_fulfilment":
      return "order_cancelled";
    case "request_refund":
      return "refund_requested";
    case "refund_failed":
      return "refund_failed";
    case "refund_recorded":
      return "refund_recorded";
    case "refund_succeeded":
      return "refund_success";
    case "send_payment_link":
      return "payment_link_sent";
    default:
      return decision.flag && decision.to === from ? decision.flag : `status_${decision.to}`;
  }
}

/** Commands that leave a timeline entry even when the order's status does not move. */
const ALWAYS_RECORDED = new Set<OrderCommand["type"]>([
  "mark_shipped",
  "mark_delivered",
  "cancel_fulfilment",
  "request_refund",
  "refund_failed",
  "refund_recorded",
  "refund_succeeded",
  "send_payment_link",
]);

/**
 * Applies commands to an order the caller has locked (`lockOrder`) inside its transaction. A refusal stops at
 * once and writes nothing.
 */
export async function applyCommands(
  tx: Database,
  order: queries.OrderRow,
  commands: OrderCommand[],
  actor: Actor,
  options: CommandOptions = {},
): Promise<CommandResult> {
  let status = order.status as OrderStatus;
  let fulfilment = order.fulfillmentStatus as FulfilmentStatus;
  let refundedPaise = order.refundedPaise;
  let stockState = order.stockState;
  let invoiceDue = false;
  const updates: Partial<queries.NewOrder> = { ...options.updates };
  const events: OrderEventInput[] = [...(options.events ?? [])];
  const jobs: NewOutboxJob[] = [...(options.jobs ?? [])];
  const result: CommandResult = {
    found: true,
    from: status,
    fulfilled: false,
    stockChanged: false,
    paidWithoutStock: false,
    work: [],
  };

  for (const original of commands) {
    let command = original;
    if (command.type === "payment_succeeded" && stockState === "released") {
      // A late payment: can the released stock be taken again? Decided under the product row locks.
      command = {
        ...command,
        stockAvailable: await applyStockEffects(tx, order, ["reserve_stock_again"], { dryRun: true }),
      };
    }
    const decision = decide(snapshot(order, status, fulfilment, refundedPaise), command);
    if (decision.refusal) return { ...result, to: status, refusal: decision.refusal, order };
    const moves =
      decision.to !== status ||
      decision.effects.length > 0 ||
      !!decision.flag ||
      !!decision.fulfilment ||
      !!decision.refundDeltaPaise;
    if (!moves && !ALWAYS_RECORDED.has(command.type)) continue;

    await applyStockEffects(tx, { ...order, stockState }, decision.effects);
    if (decision.effects.some((e) => e === "release_stock" || e === "reserve_stock_again" || e === "restock")) {
      result.stockChanged = true;
    }
    if (decision.effects.includes("release_stock") || decision.effects.includes("restock")) stockState = "released";
    if (decision.effects.includes("commit_stock")) stockState = "committed";
    if (decision.effects.includes("fulfil")) {
      result.fulfilled = true;
      Object.assign(updates, { fulfilledAt: new Date(), paidAt: new Date() });
      if (command.type === "payment_succeeded" && command.cfPaymentId) updates.paidCfPaymentId = command.cfPaymentId;
      if (order.cartId) await queries.clearCartItems(tx, order.cartId);
      invoiceDue = true;
    }
    // The Cashfree offer that, with the payment, made up the total, whenever the order takes the payment: paid, or
    // held for a late payment whose stock is gone, where a refund returns only what the shopper paid. (How the
    // discount shows on the invoice comes later.)
    const takesPayment = decision.effects.includes("fulfil") || decision.flag === "late_payment_no_stock";
    if (command.type === "payment_succeeded" && command.offer && takesPayment)
      Object.assign(updates, { cfOfferId: command.offer.cfOfferId, offerDiscountPaise: command.offer.discountPaise });
    if (decision.effects.includes("issue_credit_note") && command.type === "refund_succeeded")
      await issueCreditNote(tx, order, command.refundId, command.amountPaise);
    if (decision.fulfilment) fulfilment = decision.fulfilment;
    if (decision.refundDeltaPaise) refundedPaise += decision.refundDeltaPaise;
    if (decision.flag && decision.flag !== "late_payment") updates.attentionReason = decision.flag;
    if (decision.flag === "late_payment_no_stock") result.paidWithoutStock = true;
    if (decision.fulfilment === "shipped")
      Object.assign(updates, { shippedAt: new Date(), ...shipmentFields(options.detail) });
    if (decision.fulfilment === "delivered") updates.deliveredAt = new Date();
    jobs.push(...jobsFor(order, command, decision, options.detail));
    const statusMoved = decision.to !== status;
    events.push({
      orderId: order.id,
      type: eventType(command, decision, status),
      source: eventSource(actor),
      fromStatus: statusMoved || !ALWAYS_RECORDED.has(command.type) ? status : undefined,
      toStatus: statusMoved || !ALWAYS_RECORDED.has(command.type) ? decision.to : undefined,
      detail: {
        signal: command.type,
        effects: decision.effects.length ? decision.effects : undefined,
        flag: decision.flag,
        ...actorDetail(actor),
        ...options.detail,
      },
    });
    status = decision.to;
  }

  const after = {
    ...order,
    ...updates,
    status,
    stockState,
    fulfillmentStatus: fulfilment,
    refundedPaise,
  } as queries.OrderRow;
  jobs.push(...(options.outcomeJobs?.(after) ?? []));
  if (result.stockChanged) result.work.push({ type: "refresh_product_pages" });
  if (jobs.length > 0) result.work.push({ type: "run_outbox" });
  await queries.updateOrder(
    tx,
    order.id,
    { ...updates, status, stockState, fulfillmentStatus: fulfilment, refundedPaise },
    events,
  );
  await enqueueJobs(tx, env.email.orderEmails ? jobs : jobs.filter((job) => job.kind !== "email"));
  // Numbered in the paying transaction, so a rollback gives the number back and the series has no gaps; and
  // last, because the series' row stays locked until the commit: every payment waits for it in turn.
  if (invoiceDue) await issueInvoice(tx, order);
  return { ...result, to: status, order: after };
}

/** The shipment as the merchant entered it (validated by the action). */
function shipmentFields(detail: Record<string, unknown> = {}): Partial<queries.NewOrder> {
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  return {
    shippingCourier: text(detail.courier),
    trackingNumber: text(detail.trackingNumber),
    trackingUrl: text(detail.trackingUrl),
  };
}

function actorDetail(actor: Actor): Record<string, unknown> {
  if (actor.type === "admin") return { by: actor.email };
  if (actor.type === "system") return { by: actor.name };
  return {};
}

/** Locks the order, applies one command, commits, then runs the work that waits for the commit. */
export async function applyToOrder(
  db: Database,
  orderId: string,
  command: OrderCommand,
  actor: Actor,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const result = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    return order ? applyCommands(tx, order, [command], actor, options) : NOT_FOUND;
  });
  afterCommit(result.work);
  return result;
}
