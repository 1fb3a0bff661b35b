import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";

import type { Database } from "../client";
import { emailDeliveries } from "../schema";

export type EmailDeliveryRow = typeof emailDeliveries.$inferSelect;

/**
 * Reserves a job's send before anything is said to SMTP: a `sending` row, of which (with the `sent` it becomes)
 * a job has at most one, by the unique index. Returns the reservation, or else the row in its way: `sent` (the
 * e-mail went out) or `sending` (another sender is at it now). Nothing is sent unless this returned `reserved`.
 *
 * A reservation older than `staleAfterSeconds` is a sender that died mid-send (no send takes that long): it is
 * marked failed and a new one made. So after such a crash the e-mail may go out twice (at least once, as it would
 * be lost otherwise); a sender that is merely slow keeps its reservation and is never sent alongside.
 */
export async function reserveEmail(
  db: Database,
  delivery: Omit<typeof emailDeliveries.$inferInsert, "status">,
  staleAfterSeconds: number,
): Promise<{ reserved: EmailDeliveryRow } | { existing: EmailDeliveryRow | undefined }> {
  await db
    .update(emailDeliveries)
    .set({ status: "failed", error: `no outcome from its sender within ${staleAfterSeconds} s; sent again` })
    .where(
      and(
        eq(emailDeliveries.jobKey, delivery.jobKey),
        eq(emailDeliveries.status, "sending"),
        lt(emailDeliveries.createdAt, sql`now() - make_interval(secs => ${staleAfterSeconds})`),
      ),
    );
  const [reserved] = await db
    .insert(emailDeliveries)
    .values({ ...delivery, status: "sending" })
    .onConflictDoNothing()
    .returning();
  if (reserved) return { reserved };
  const [existing] = await db
    .select()
    .from(emailDeliveries)
    .where(and(eq(emailDeliveries.jobKey, delivery.jobKey), inArray(emailDeliveries.status, ["sending", "sent"])));
  return { existing };
}

/**
 * A reservation's outcome. Refused (`false`) if the reservation was declared stale and replaced meanwhile: the
 * replacing sender's row is the job's record then.
 */
export async function settleEmail(
  db: Database,
  reservationId: string,
  outcome: { status: "sent"; messageId: string } | { status: "failed"; error: string },
) {
  const rows = await db
    .update(emailDeliveries)
    .set(outcome)
    .where(and(eq(emailDeliveries.id, reservationId), eq(emailDeliveries.status, "sending")))
    .returning({ id: emailDeliveries.id });
  return rows.length > 0;
}

export function listOrderEmails(db: Database, orderId: string) {
  return db
    .select()
    .from(emailDeliveries)
    .where(eq(emailDeliveries.orderId, orderId))
    .orderBy(asc(emailDeliveries.createdAt));
}
