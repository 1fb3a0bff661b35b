import "server-only";

import { z } from "zod";

import { type Database, getDb } from "@/db";
import {
  type AuditCursor,
  type AuditEventRow,
  type AuditQuery,
  iterateAuditEvents,
  listAuditEvents,
  moveRefusedSignInsToAudit,
} from "@/db/queries/audit";
import { logError } from "@/lib/log";

import { AUDIT_ACTION_CODES, AUDIT_OUTCOMES, AUDIT_TARGET_TYPES } from "./actions";

// Callers check the session (owner only: requireAdminPage, adminRoute) before they call these.

const AUDIT_PAGE_SIZE = 50;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional()).catch(undefined);

/** The Audit log page's query string; anything malformed falls back to "no filter" rather than an error page. */
const auditFiltersSchema = z.object({
  action: optional(z.enum(AUDIT_ACTION_CODES)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  actor: optional(z.string().trim().max(200)),
  targetType: optional(z.enum(AUDIT_TARGET_TYPES)),
  target: optional(z.string().trim().max(200)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  /** Keyset cursors: the id of the row the page continues from, one way or the other. */
  older: optional(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
  newer: optional(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return auditFiltersSchema.parse(flat);
}

function toQuery(filters: AuditFilters): AuditQuery {
  // Days are India's, as the merchant reads them.
  const day = (date: string) => new Date(`${date}T00:00:00+05:30`);
  return {
    action: filters.action,
    outcome: filters.outcome,
    actor: filters.actor,
    targetType: filters.targetType,
    targetId: filters.target,
    occurredFrom: filters.from ? day(filters.from) : undefined,
    occurredBefore: filters.to ? new Date(day(filters.to).getTime() + 86_400_000) : undefined,
  };
}

/**
 * Refused sign-ins are counted per window before they reach the log (lib/audit/sign-in.ts); whoever reads it
 * sees every one counted so far, the open windows' too. Failing that, the log still reads, without them.
 */
async function withRefusedSignIns(db: Database) {
  await moveRefusedSignInsToAudit(db).catch((error: unknown) =>
    logError("audit: could not move refused sign-in counts into the log", error),
  );
  return db;
}

/**
 * One page of the log, newest first, and the cursors to the pages either side (undefined at either end). A
 * page one more row long is asked for, so "is there more?" costs no count.
 */
export async function listAuditLog(
  filters: AuditFilters,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditEventRow[]; newer?: number; older?: number }> {
  const cursor: AuditCursor | undefined = filters.newer
    ? { direction: "newer", id: filters.newer }
    : filters.older
      ? { direction: "older", id: filters.older }
      : undefined;
  let rows = await listAuditEvents(await withRefusedSignIns(await getDb()), toQuery(filters), pageSize + 1, cursor);
  const more = rows.length > pageSize;
  if (cursor?.direction === "newer") {
    // Back at the top of the list: show the first page as it is now, full, rather than the few rows left above.
    if (!more) return listAuditLog({ ...filters, newer: undefined, older: undefined }, pageSize);
    // Going back up, the extra row is the newest (the top one).
    rows = rows.slice(1);
    return { rows, newer: rows[0]!.id, older: rows.at(-1)!.id };
  }
  if (more) rows = rows.slice(0, pageSize);
  return { rows, newer: cursor && rows.length ? rows[0]!.id : undefined, older: more ? rows.at(-1)!.id : undefined };
}

/** The whole filtered log for the CSV, in batches (cursors are ignored: an export is the whole selection). */
export async function* exportAuditLog(filters: AuditFilters) {
  yield* iterateAuditEvents(await withRefusedSignIns(await getDb()), toQuery(filters));
}
