import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
