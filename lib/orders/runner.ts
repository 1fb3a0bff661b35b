import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/orders";
import type { NewOutboxJob } from "@/db/queries/outbox";
import { issueCreditNote, issueInvoice } from "@/lib/invoices/issue";

import type { Actor } from "./actors";
import type { AfterCommitWork } from "./after-commit";
import { commandEvent, isAlwaysRecorded, type OrderEventInput } from "./events";
import { jobsFor } from "./jobs";
import { applyStockEffects } from "./stock";
import { decide, type FulfilmentStatus, type OrderCommand, type OrderStatus, type Refusal } from "./transitions";

/**
 * The one writer of order state, private to lib/orders: callers change an order through a unit of work
 * (unit-of-work.ts), which runs this inside its transaction. Every change (Cashfree's signals, checkout,
 * fulfilment, refunds, payment links) is a command: the pure `decide()` says what follows, and the effects (stock,
 * cart, fulfilment, tax invoice and credit notes, refunded total, flags), the update and its typed events are
 * written in the same transaction, with the outbox jobs the change causes (e-mails, the late-payment refund,
 * telling Cashfree about a shipment). What must wait for the commit is handed to the unit.
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
}

/** What applyCommands needs of the unit of work it runs in. */
export interface CommandContext {
  readonly tx: Database;
  /** Records timeline entries, written with the order's next update in the unit (or before the commit). */
  recordEvents(events: OrderEventInput[]): void;
  /** Timeline entries recorded for this order and outbox jobs enqueued earlier in the unit, not yet written. */
  takeRecorded(orderId: string): { events: OrderEventInput[]; jobs: NewOutboxJob[] };
  /** Writes outbox jobs now, in the transaction; the outbox runs after the commit. */
  writeJobs(jobs: NewOutboxJob[]): Promise<void>;
  after(work: AfterCommitWork): void;
}

export interface CommandOptions {
  /** Extra detail for each command's timeline event (a refund id, tracking numbers, a webhook event id). */
  detail?: Record<string, unknown>;
  /** Field updates decided under the same lock (settling: Cashfree's ids, its order status). */
  updates?: Partial<queries.NewOrder>;
  /**
   * Outbox jobs that depend on where the commands leave the order, given the order as it stands after them
   * (settling: the e-mail for a failed payment attempt, which offers to pay again).
   */
  outcomeJobs?: (after: queries.OrderRow) => NewOutboxJob[];
}

export const NOT_FOUND: CommandResult = {
  found: false,
  fulfilled: false,
  stockChanged: false,
  paidWithoutStock: false,
};

export function lockOrder(tx: queries.Executor, orderId: string) {
  return queries.getOrderForUpdate(tx, orderId);
}

/**
 * Applies commands to an order the unit has locked. A refusal stops at once and writes nothing. The update, its
 * events and those recorded before it are one statement, and the jobs one more: the webhook's hot path counts
 * its round trips.
 */
export async function applyCommands(
  unit: CommandContext,
  order: queries.OrderRow,
  commands: OrderCommand[],
  actor: Actor,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const { tx } = unit;
  let status = order.status as OrderStatus;
  let fulfilment = order.fulfillmentStatus as FulfilmentStatus;
  let refundedPaise = order.refundedPaise;
  let stockState = order.stockState;
  let invoiceDue = false;
  const updates: Partial<queries.NewOrder> = { ...options.updates };
  const events: OrderEventInput[] = [];
  const jobs: NewOutboxJob[] = [];
  const result: CommandResult = {
    found: true,
    from: status,
    fulfilled: false,
    stockChanged: false,
    paidWithoutStock: false,
  };

  for (const original of commands) {
    let command = original;
    if (command.type === "checkout_failed" && command.reason) updates.checkoutError = command.reason;
    if (command.type === "payment_succeeded" && stockState === "released") {
      // A late payment: can the released stock be taken again? Decided under the product row locks.
      command = {
        ...command,
        stockAvailable: await applyStockEffects(tx, order, ["reserve_stock_again"], { dryRun: true }),
      };
    }
    const decision = decide({ status, fulfilment, totalPaise: order.totalPaise, refundedPaise }, command);
    if (decision.refusal) return { ...result, to: status, refusal: decision.refusal, order };
    const moves =
      decision.to !== status ||
      decision.effects.length > 0 ||
      !!decision.flag ||
      !!decision.fulfilment ||
      !!decision.refundDeltaPaise;
    if (!moves && !isAlwaysRecorded(command)) continue;

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
    events.push(commandEvent(order.id, command, decision, status, actor, options.detail));
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
  if (result.stockChanged) unit.after("refresh_product_pages");
  // What the caller recorded for this order comes first, as it happened first.
  const recorded = unit.takeRecorded(order.id);
  await queries.updateOrder(
    tx,
    order.id,
    { ...updates, status, stockState, fulfillmentStatus: fulfilment, refundedPaise },
    [...recorded.events, ...events],
  );
  await unit.writeJobs([...recorded.jobs, ...jobs]);
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
