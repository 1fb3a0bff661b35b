import { desc, eq } from "drizzle-orm";

import type { Database } from "../client";
import { paymentLinks } from "../schema";

export async function insertPaymentLink(db: Database, link: typeof paymentLinks.$inferInsert) {
  const [row] = await db.insert(paymentLinks).values(link).returning();
  return row!;
}

export async function updatePaymentLink(
  db: Database,
  linkId: string,
  values: Partial<typeof paymentLinks.$inferInsert>,
) {
  await db
    .update(paymentLinks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(paymentLinks.linkId, linkId));
}

export async function getPaymentLink(db: Database, linkId: string) {
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.linkId, linkId));
  return row;
}

export function listPaymentLinks(db: Database, status?: string) {
  return db
    .select()
    .from(paymentLinks)
    .where(status ? eq(paymentLinks.status, status) : undefined)
    .orderBy(desc(paymentLinks.createdAt))
    .limit(200);
}
