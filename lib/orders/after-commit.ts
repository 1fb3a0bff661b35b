import "server-only";

import { kickOutbox } from "@/lib/outbox/worker";
import { productPagesChanged, productPagesChangedAfterResponse } from "@/lib/products";

/**
 * Work an order change leaves for after its commit: never done inside the transaction, never lost by a rollback.
 * `refresh_product_pages_after_response`: the same refresh, once a shopper's server action has answered (checkout;
 * lib/products.ts says why).
 */
export type AfterCommitWork = "refresh_product_pages" | "refresh_product_pages_after_response" | "run_outbox";

/** Durable work is in the outbox already; this only refreshes pages and starts the outbox sooner. */
export function runAfterCommit(work: ReadonlySet<AfterCommitWork>) {
  if (work.has("refresh_product_pages_after_response")) productPagesChangedAfterResponse();
  else if (work.has("refresh_product_pages")) productPagesChanged();
  if (work.has("run_outbox")) kickOutbox();
}
