import "server-only";

import { productPagesChanged } from "@/lib/products";

import { scheduleLatePaymentRefund } from "./late-payments";

/** Work an order command leaves for after its commit: never done inside the transaction, never lost by a rollback. */
export type AfterCommitWork =
  | { type: "refresh_product_pages" }
  | { type: "refund_late_payment"; orderId: string }
  | { type: "tell_cashfree_shipment"; orderId: string; status: "SHIPPED" | "DELIVERED" };

/**
 * Runs what can run on its own. The shipment update is the caller's (the merchant is told whether Cashfree
 * took it); the durable outbox of the next issue will retry it.
 */
export function afterCommit(work: AfterCommitWork[]) {
  for (const item of work) {
    if (item.type === "refresh_product_pages") productPagesChanged();
    if (item.type === "refund_late_payment") scheduleLatePaymentRefund(item.orderId);
  }
}
