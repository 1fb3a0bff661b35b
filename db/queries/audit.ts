import { and, asc, desc, eq, gte, ilike, lt, type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { auditEvents } from "../schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Rows are only ever added: the table refuses UPDATE and DELETE (migration 0015). */
export async function insertAuditEvent(db: Database, event: NewAuditEvent) {
  await db.insert(auditEvents).values(event);
}

export interface AuditQuery {
  action?: string;
  outcome?: string;
  /** Part of the actor's e-mail, any case. */
  actor?: string;
  targetType?: string;
  targetId?: string;
  occurredFrom?: Date;
  occurredBefore?: Date;
}

/** A page next to a row already seen: `older` (further down the list) or `newer` (back up it). */
export interface AuditCursor {
  direction: "older" | "newer";
  id: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(query: AuditQuery, cursor?: AuditCursor) {
  const filters: SQL[] = [];
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  if (query.outcome) filters.push(eq(auditEvents.outcome, query.outcome));
  if (query.actor) filters.push(ilike(auditEvents.actorEmail, likePattern(query.actor)));
  if (query.targetType) filters.push(eq(auditEvents.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditEvents.targetId, query.targetId));
  if (query.occurredFrom) filters.push(gte(auditEvents.occurredAt, query.occurredFrom));
  if (query.occurredBefore) filters.push(lt(auditEvents.occurredAt, query.occurredBefore));
  if (cursor) {
    // Keyset on (occurred_at, id), the cursor row's own values read by the database: exact to the microsecond
    // (a JavaScript Date keeps milliseconds), and the row always exists, since nothing is ever deleted.
    const at = sql`(select ${auditEvents.occurredAt}, ${auditEvents.id} from ${auditEvents} where ${auditEvents.id} = ${cursor.id})`;
    const row = sql`(${auditEvents.occurredAt}, ${auditEvents.id})`;
    filters.push(cursor.direction === "older" ? sql`${row} < ${at}` : sql`${row} > ${at}`);
  }
  return and(...filters);
}

/**
 * Newest first, `limit` rows beside the cursor (newest first either way). Rows added meanwhile land above a
 * page already read, never inside it, so following `older` neither repeats nor skips a row.
 */
export async function listAuditEvents(db: Database, query: AuditQuery, limit: number, cursor?: AuditCursor) {
  const newer = cursor?.direction === "newer";
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where(query, cursor))
    .orderBy(
      newer ? asc(auditEvents.occurredAt) : desc(auditEvents.occurredAt),
      newer ? asc(auditEvents.id) : desc(auditEvents.id),
    )
    .limit(limit);
  return newer ? rows.reverse() : rows;
}

/** The whole filtered log, newest first, in keyset batches: an export never holds it all in memory. */
export async function* iterateAuditEvents(db: Database, query: AuditQuery, batchSize = 500) {
  let cursor: AuditCursor | undefined;
  for (;;) {
    const rows = await listAuditEvents(db, query, batchSize, cursor);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    cursor = { direction: "older", id: rows.at(-1)!.id };
  }
}
