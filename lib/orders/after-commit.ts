import "server-only";

import { productPagesChanged } from "@/lib/products";

import { kickOutbox } from "@/lib/outbox/worker";

/** Work an order command leaves for after its commit: never done inside the transaction, never lost by a rollback. */
export type AfterCommitWork = { type: "refresh_product_pages" } | { type: "run_outbox" };

/** Durable work is in the outbox already; this only refreshes pages and starts the outbox sooner. */
export function afterCommit(work: AfterCommitWork[]) {
  if (work.some((item) => item.type === "refresh_product_pages")) productPagesChanged();
  if (work.some((item) => item.type === "run_outbox")) kickOutbox();
}
