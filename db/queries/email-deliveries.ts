import { and, asc, eq } from "drizzle-orm";

import type { Database } from "../client";
import { emailDeliveries } from "../schema";

export async function findSentEmail(db: Database, jobKey: string) {
  const [row] = await db
    .select()
    .from(emailDeliveries)
    .where(and(eq(emailDeliveries.jobKey, jobKey), eq(emailDeliveries.status, "sent")));
  return row;
}

/** Records a send or a failed attempt; a second `sent` for one job is refused by the unique index. */
export async function recordEmail(db: Database, delivery: typeof emailDeliveries.$inferInsert) {
  await db.insert(emailDeliveries).values(delivery).onConflictDoNothing();
}

export function listOrderEmails(db: Database, orderId: string) {
  return db
    .select()
    .from(emailDeliveries)
    .where(eq(emailDeliveries.orderId, orderId))
    .orderBy(asc(emailDeliveries.createdAt));
}
