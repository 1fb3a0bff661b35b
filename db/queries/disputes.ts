import { asc, desc, eq, inArray, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { disputeDocuments, disputeEvents, disputes } from "../schema";

export type DisputeRow = typeof disputes.$inferSelect;

/**
 * Cashfree's statuses end in the state; these end a dispute:
 * https://www.cashfree.com/docs/api-reference/payments/latest/disputes/dispute-webhooks
 */
const closedStatus = or(
  sql`${disputes.status} like '%\\_MERCHANT\\_WON'`,
  sql`${disputes.status} like '%\\_MERCHANT\\_LOST'`,
  sql`${disputes.status} like '%\\_MERCHANT\\_ACCEPTED'`,
)!;

export async function insertDisputeIfNew(db: Database, values: typeof disputes.$inferInsert) {
  const [row] = await db
    .insert(disputes)
    .values(values)
    .onConflictDoNothing({ target: disputes.disputeId })
    .returning({ id: disputes.id });
  return !!row;
}

export async function getDispute(db: Database, disputeId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(disputes).where(eq(disputes.disputeId, disputeId));
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export async function updateDispute(
  db: Database,
  disputeId: string,
  values: Partial<Omit<typeof disputes.$inferInsert, "id" | "disputeId" | "createdAt">>,
) {
  await db
    .update(disputes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(disputes.disputeId, disputeId));
}

/** One history line; a webhook event's line is written once however often the event is applied. */
export async function insertDisputeEvent(db: Database, values: typeof disputeEvents.$inferInsert) {
  const [row] = await db
    .insert(disputeEvents)
    .values(values)
    .onConflictDoNothing({ target: disputeEvents.webhookEventId })
    .returning({ id: disputeEvents.id });
  return !!row;
}

export async function insertDisputeDocument(db: Database, values: typeof disputeDocuments.$inferInsert) {
  await db.insert(disputeDocuments).values(values);
}

const listColumns = {
  disputeId: disputes.disputeId,
  orderId: disputes.orderId,
  cfOrderId: disputes.cfOrderId,
  disputeType: disputes.disputeType,
  reasonDescription: disputes.reasonDescription,
  reasonCode: disputes.reasonCode,
  amountPaise: disputes.amountPaise,
  currency: disputes.currency,
  status: disputes.status,
  actionOn: disputes.actionOn,
  respondBy: disputes.respondBy,
  resolvedAt: disputes.resolvedAt,
  createdAt: disputes.createdAt,
};

/** Open disputes, those past their respond-by first, then the nearest deadline. */
export function listOpenDisputes(db: Database, now: Date, limit = 200) {
  return db
    .select(listColumns)
    .from(disputes)
    .where(sql`not (${closedStatus})`)
    .orderBy(
      sql`case when ${disputes.respondBy} < ${now.toISOString()} then 0 else 1 end`,
      sql`${disputes.respondBy} asc nulls last`,
      asc(disputes.createdAt),
    )
    .limit(limit);
}

export function listClosedDisputes(db: Database, limit = 200) {
  return db
    .select(listColumns)
    .from(disputes)
    .where(closedStatus)
    .orderBy(desc(disputes.resolvedAt), desc(disputes.updatedAt))
    .limit(limit);
}

/**
 * Open disputes whose next move is ours, for "needs attention": by their state (created, or evidence found
 * insufficient), as lib/disputes/state.ts `nextMove` reads it; not by `action_on`, which only webhooks carry.
 */
export function listDisputesAwaitingMerchant(db: Database, now: Date) {
  return db
    .select(listColumns)
    .from(disputes)
    .where(or(sql`${disputes.status} like '%\\_CREATED'`, sql`${disputes.status} like '%\\_INSUFFICIENT\\_EVIDENCE'`))
    .orderBy(
      sql`case when ${disputes.respondBy} < ${now.toISOString()} then 0 else 1 end`,
      sql`${disputes.respondBy} asc nulls last`,
    )
    .limit(50);
}

export function listDisputeEvents(db: Database, disputeIds: string[]) {
  if (disputeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(disputeEvents)
    .where(inArray(disputeEvents.disputeId, disputeIds))
    .orderBy(asc(disputeEvents.occurredAt), asc(disputeEvents.id));
}

export function listDisputeDocuments(db: Database, disputeId: string) {
  return db
    .select()
    .from(disputeDocuments)
    .where(eq(disputeDocuments.disputeId, disputeId))
    .orderBy(asc(disputeDocuments.createdAt));
}

export function listOrderDisputeRows(db: Database, orderId: string) {
  return db.select().from(disputes).where(eq(disputes.orderId, orderId)).orderBy(asc(disputes.createdAt));
}

/** The history lines of every dispute on an order, oldest first, for the order's timeline. */
export function listOrderDisputeEvents(db: Database, orderId: string) {
  return db
    .select({
      id: disputeEvents.id,
      disputeId: disputeEvents.disputeId,
      kind: disputeEvents.kind,
      status: disputeEvents.status,
      actor: disputeEvents.actor,
      occurredAt: disputeEvents.occurredAt,
    })
    .from(disputeEvents)
    .innerJoin(disputes, eq(disputes.disputeId, disputeEvents.disputeId))
    .where(eq(disputes.orderId, orderId))
    .orderBy(asc(disputeEvents.occurredAt), asc(disputeEvents.id));
}
