import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { adminUsers } from "./admin";

/**
 * The admin audit log: who did what, when, from where, and what changed. Append-only like `order_events` (a
 * trigger in the migrations refuses UPDATE and DELETE): it is the merchant's evidence of what staff did.
 * `actor_email` is kept beside the id so a failed sign-in (no admin) and a later-deleted admin still read.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorAdminId: uuid().references(() => adminUsers.id),
    actorEmail: text(),
    /** e.g. `order.refund`, `auth.sign_in_failed`, `settings.update`. */
    action: text().notNull(),
    /** `ok` | `failed` | `refused` */
    outcome: text().notNull().default("ok"),
    targetType: text(),
    targetId: text(),
    ipAddress: text(),
    userAgent: text(),
    requestId: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt.desc(), t.id.desc()),
    index("audit_events_action_idx").on(t.action, t.occurredAt.desc()),
    index("audit_events_actor_idx").on(t.actorAdminId, t.occurredAt.desc()),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
    index("audit_events_actor_email_idx").on(sql`lower(${t.actorEmail})`),
  ],
);

/**
 * Refused sign-in attempts (the throttle's refusals) not yet in the audit log, counted: one row per reason,
 * refusing limit and whom it limits (the e-mail, the address, or both) per 15-minute window. lib/audit/sign-in.ts
 * moves a row into audit_events as one row with its count once its window has closed, or sooner when the log is
 * read, and deletes it here: the log itself stays append-only, and a guesser's thousands of refusals become a
 * few rows that still say how many there were.
 */
export const refusedSignInCounts = pgTable(
  "refused_sign_in_counts",
  {
    windowStart: timestamp({ withTimezone: true }).notNull(),
    /** The refusal's code, e.g. `rate_limited`. */
    reason: text().notNull(),
    /** The limit that refused, e.g. `signInPerAddress` (lib/rate-limit/limits.ts). */
    refusedBy: text().notNull(),
    /** Whom that limit counts: the e-mail, the address, or `e-mail|address`. */
    subject: text().notNull(),
    actorEmail: text(),
    ipAddress: text(),
    attempts: integer().notNull().default(1),
    firstAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.windowStart, t.reason, t.refusedBy, t.subject] })],
);
