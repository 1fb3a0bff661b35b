import "server-only";

import type { Database } from "@/db";

import type { CashfreeObservation, SettleResult } from "./observation";
import { withOrders } from "./unit-of-work";

/**
 * Applies what Cashfree says to our order in one short unit of work, under a row lock on the order: the webhook,
 * the return page and reconciliation can all call this at the same moment and the order moves, and is
 * fulfilled, exactly once. A caller with writes of its own to commit with it (the webhook inbox) uses
 * `orders.settle` inside its own `withOrders`.
 */
export function settleOrder(db: Database, observation: CashfreeObservation): Promise<SettleResult> {
  return withOrders(db, (orders) => orders.settle(observation));
}
