import { and, asc, desc, eq, gte, ilike, lt, type SQL, sql, type SQLWrapper } from "drizzle-orm";

import type { Database } from "../client";
import { auditEvents, refusedSignInCounts } from "../schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Rows are only ever added: the table refuses UPDATE and DELETE (migration 0015). */
export async function insertAuditEvent(db: Database, event: NewAuditEvent) {
  await db.insert(auditEvents).values(event);
}

export type RefusedSignIn = Pick<
  typeof refusedSignInCounts.$inferInsert,
  "windowStart" | "reason" | "refusedBy" | "subject" | "actorEmail" | "ipAddress"
>;

/** Counts one refused sign-in in its window's row, atomically (parallel refusals all count). */
export async function countRefusedSignIn(db: Database, refusal: RefusedSignIn) {
  await db
    .insert(refusedSignInCounts)
    .values(refusal)
    .onConflictDoUpdate({
      target: [
        refusedSignInCounts.windowStart,
        refusedSignInCounts.reason,
        refusedSignInCounts.refusedBy,
        refusedSignInCounts.subject,
      ],
      set: { attempts: sql`${refusedSignInCounts.attempts} + 1`, lastAt: sql`now()` },
    });
}

/**
 * Moves the counts of windows that started before `before` (all of them without it) into the audit log, one
 * `refused` row each with its count, in one statement: a count is either still here or in the log, never both
 * nor neither. Two moving at once cannot both take a row: the second's delete waits for the first and then
 * finds it gone. A refusal counted meanwhile into a window already moved starts a new row, moved next time.
 */
export async function moveRefusedSignInsToAudit(db: Database, before?: Date) {
  const t = refusedSignInCounts;
  const iso = (column: SQLWrapper) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await db.execute(sql`
    with moved as (
      delete from ${t} where ${before ? lt(t.windowStart, before) : sql`true`}
      returning *
    )
    insert into ${auditEvents} (action, outcome, actor_email, ip_address, detail)
    select 'auth.sign_in', 'refused', ${t.actorEmail}, ${t.ipAddress}, jsonb_build_object(
      'provider', 'credentials',
      'reason', ${t.reason},
      'refusedBy', ${t.refusedBy},
      'attempts', ${t.attempts},
      'firstAt', ${iso(t.firstAt)},
      'lastAt', ${iso(t.lastAt)}
    )
    from moved as ${t}`); // named as the table, so the column references above read the moved rows
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
