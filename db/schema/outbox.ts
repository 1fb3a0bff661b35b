import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const outboxStatus = pgEnum("outbox_status", ["pending", "running", "done", "dead"]);

/**
 * Work that must happen after an order change commits (e-mails, telling Cashfree about a shipment, the
 * late-payment refund), written in the same transaction as the change: a rolled-back change leaves no job, and
 * a change that happens twice (a duplicate webhook) finds its job's key taken and adds none.
 */
export const outboxJobs = pgTable(
  "outbox_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What to do: "email", "cashfree_shipment", "late_payment_refund". */
    kind: text().notNull(),
    /** Stable idempotency key, e.g. `email:order_confirmed:KC-…`: one job per event, ever. */
    key: text().notNull().unique(),
    orderId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A claim's lease: a worker that died mid-job loses it when this passes, and another takes the job. */
    lockedUntil: timestamp({ withTimezone: true }),
    /**
     * New with every claim: a worker finishes the job (done, failed, later) only while this is still its own, so
     * a worker whose lease ran out and whose job another worker took cannot overwrite that worker's outcome.
     */
    leaseToken: uuid(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("outbox_jobs_due_idx")
      .on(t.runAfter)
      .where(sql`${t.status} in ('pending', 'running')`),
    index("outbox_jobs_order_idx").on(t.orderId),
  ],
);

/**
 * Every order e-mail sent or failed, for the merchant's timeline. Before talking to SMTP a sender reserves the
 * job's row (`sending`); it becomes `sent` (the proof of delivery) or `failed`. One `sending` or `sent` row per
 * job: a second sender of the same job (its lease ran out, a crash) finds it and does not send.
 */
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    jobKey: text().notNull(),
    orderId: text(),
    template: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    status: text().$type<"sending" | "sent" | "failed">().notNull(),
    messageId: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_deliveries_one_send_idx")
      .on(t.jobKey)
      .where(sql`${t.status} in ('sending', 'sent')`),
    index("email_deliveries_order_idx").on(t.orderId, t.createdAt),
  ],
);
