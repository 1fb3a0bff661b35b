import "server-only";

import { randomUUID } from "node:crypto";

import { getDb } from "@/db";
import { getOrder } from "@/db/queries/orders";
import { enqueueJobs } from "@/db/queries/outbox";
import { kickOutbox } from "@/lib/outbox/worker";
import { consume } from "@/lib/rate-limit";

import { emailJob } from "./jobs";

/** The one answer, match or not. */
export const FIND_ORDER_ANSWER =
  "If an order with that number was placed with that e-mail, its link is on its way to that address.";

/**
 * "Find my order": when the e-mail is the one the order was placed with, the order's link is e-mailed to that
 * address (never shown here). The caller answers the same whether or not it matched, so nobody can learn which
 * orders or e-mails exist; only the address on file ever receives anything.
 */
export async function emailOrderLinkIfMatches(input: { email: string; orderId: string; address: string | null }) {
  // Per address and per e-mail (lib/rate-limit/limits.ts); a refused ask counts too.
  const verdict = await consume(["findOrderPerAddress", input.address], ["findOrderPerEmail", input.email]);
  if (verdict.limited) return verdict;
  const db = await getDb();
  const order = await getOrder(db, input.orderId);
  if (order && order.customerEmail === input.email) {
    await enqueueJobs(db, [emailJob(order.id, "order_link", `${order.id}:${randomUUID()}`)]);
    kickOutbox();
  }
  return "answered" as const;
}
