import "server-only";

import { randomUUID } from "node:crypto";

import { getDb } from "@/db";
import { getOrder } from "@/db/queries/orders";
import { enqueueJobs } from "@/db/queries/outbox";
import { kickOutbox } from "@/lib/outbox/worker";
import { withinLimits } from "@/lib/rate-limit";

import { emailJob } from "./jobs";

/** The one answer, match or not. */
export const FIND_ORDER_ANSWER =
  "If an order with that number was placed with that e-mail, its link is on its way to that address.";

/** Per address and per e-mail: enough for a shopper who mistypes, too few to probe for orders. */
const LIMITS = { perAddress: { max: 10, windowSeconds: 600 }, perEmail: { max: 3, windowSeconds: 3600 } };

/**
 * "Find my order": when the e-mail is the one the order was placed with, the order's link is e-mailed to that
 * address (never shown here). The caller answers the same whether or not it matched, so nobody can learn which
 * orders or e-mails exist; only the address on file ever receives anything.
 */
export async function emailOrderLinkIfMatches(input: { email: string; orderId: string; address: string | null }) {
  const allowed = await withinLimits([
    { key: `find-order:addr:${input.address ?? "unknown"}`, ...LIMITS.perAddress },
    { key: `find-order:email:${input.email}`, ...LIMITS.perEmail },
  ]);
  if (!allowed) return "rate_limited" as const;
  const db = await getDb();
  const order = await getOrder(db, input.orderId);
  if (order && order.customerEmail === input.email) {
    await enqueueJobs(db, [emailJob(order.id, "order_link", `${order.id}:${randomUUID()}`)]);
    kickOutbox();
  }
  return "answered" as const;
}
