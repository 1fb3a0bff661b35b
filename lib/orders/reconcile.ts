import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { CashfreeApiError, isCashfreeError } from "@/lib/cashfree";

import { syncOrderWithCashfree } from "./confirm";
import { failCheckout } from "./payment-session";

export interface ReconcileOptions {
  /** Orders still open this long after creation are checked even before they expire. */
  staleAfterMinutes?: number;
  limit?: number;
  now?: Date;
}

export interface ReconcileReport {
  checked: number;
  changed: { orderId: string; from: string; to: string }[];
  errors: { orderId: string; error: string }[];
}

/**
 * Heals missed webhooks: asks Cashfree about every open order that is stale or past its expiry and applies
 * the answer through the same state machine as the webhook and the return page. Safe to run concurrently.
 */
export async function reconcileOpenOrders(options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMinutes ?? 10) * 60_000);
  const open = await queries.listOrdersToReconcile(await getDb(), staleBefore, now, options.limit ?? 200);
  const report: ReconcileReport = { checked: open.length, changed: [], errors: [] };

  for (const order of open) {
    try {
      const result = await syncOrderWithCashfree(order.id, "reconcile");
      if (result.found && result.from !== result.to)
        report.changed.push({ orderId: order.id, from: result.from!, to: result.to! });
    } catch (error) {
      // Never created at Cashfree (the create failed before it got there): close it and give the stock back.
      if (error instanceof CashfreeApiError && error.status === 404 && order.status === "pending") {
        await failCheckout(order.id, "no Cashfree order was created");
        report.changed.push({ orderId: order.id, from: "pending", to: "checkout_failed" });
        continue;
      }
      if (!isCashfreeError(error)) throw error;
      report.errors.push({ orderId: order.id, error: error.message });
    }
  }
  return report;
}
