import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { orders } from "./orders";

/** One row per Cashfree payment attempt; an order may have many (FAILED, then PENDING, then SUCCESS). */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: text()
      .notNull()
      .references(() => orders.id),
    cfPaymentId: text().notNull().unique(),
    status: text().notNull(),
    amountPaise: integer().notNull(),
    currency: text().notNull(),
    paymentGroup: text(),
    paymentMethod: jsonb().$type<Record<string, unknown>>(),
    bankReference: text(),
    errorCode: text(),
    errorDescription: text(),
    errorReason: text(),
    paymentTime: timestamp({ withTimezone: true }),
    source: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payments_order_idx").on(t.orderId)],
);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: text()
      .notNull()
      .references(() => orders.id),
    /** Our refund id, chosen before calling Cashfree so retries reuse it. */
    refundId: text().notNull().unique(),
    cfRefundId: text(),
    cfPaymentId: text(),
    amountPaise: integer().notNull(),
    currency: text().notNull().default("INR"),
    status: text().notNull().default("PENDING"),
    refundType: text().notNull().default("MERCHANT_INITIATED"),
    reason: text(),
    statusDescription: text(),
    createdBy: text(),
    processedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("refunds_amount_positive", sql`${t.amountPaise} > 0`), index("refunds_order_idx").on(t.orderId)],
);

export const disputes = pgTable(
  "disputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    disputeId: text().notNull().unique(),
    /** Null when Cashfree names an order this shop does not have; the event is still kept. */
    orderId: text().references(() => orders.id),
    /** The order id as Cashfree sent it, so an unmatched dispute still says which order it means. */
    cfOrderId: text(),
    cfPaymentId: text(),
    disputeType: text(),
    reasonCode: text(),
    reasonDescription: text(),
    amountPaise: integer(),
    currency: text().notNull().default("INR"),
    status: text().notNull(),
    /** MERCHANT when the next move is ours. */
    actionOn: text(),
    cfRemarks: text(),
    respondBy: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The documents Cashfree prefers as evidence, as it lists them. */
    preferredEvidence: jsonb().$type<{ documentType: string; description: string | null }[]>(),
    /** Cashfree's updated_at of the state we hold: an older event arriving late never overwrites a newer one. */
    cfUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("disputes_order_idx").on(t.orderId), index("disputes_respond_by_idx").on(t.respondBy)],
);

/** A dispute's history as the merchant sees it: each status Cashfree reported and each answer we gave. */
export const disputeEvents = pgTable(
  "dispute_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    disputeId: text()
      .notNull()
      .references(() => disputes.disputeId),
    /** webhook | accepted | evidence | sync */
    kind: text().notNull(),
    status: text(),
    note: text(),
    actor: text(),
    /** The webhook event that reported it, so a duplicate delivery adds no second line. */
    webhookEventId: text().unique(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dispute_events_dispute_idx").on(t.disputeId, t.occurredAt)],
);

/** Evidence the merchant submitted: what was sent to Cashfree (the file itself stays with Cashfree). */
export const disputeDocuments = pgTable(
  "dispute_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    disputeId: text()
      .notNull()
      .references(() => disputes.disputeId),
    docType: text().notNull(),
    note: text(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dispute_documents_dispute_idx").on(t.disputeId)],
);

export const webhookOutcome = pgEnum("webhook_outcome", [
  "received",
  "applied",
  "duplicate",
  "ignored",
  "unmatched",
  "failed",
]);

/** Inbox of every verified Cashfree webhook, kept before it is applied. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Cashfree's x-idempotency-key (2025-01-01). */
    idempotencyKey: text().unique(),
    /** Fallback dedupe for payloads without the header: `${type}:${cf_payment_id or refund id}`. */
    dedupeKey: text().unique(),
    eventType: text().notNull(),
    apiVersion: text(),
    webhookTimestamp: text().notNull(),
    signature: text().notNull(),
    rawBody: text().notNull(),
    orderId: text(),
    outcome: webhookOutcome().notNull().default("received"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("webhook_events_order_idx").on(t.orderId),
    index("webhook_events_outcome_idx").on(t.outcome, t.receivedAt),
  ],
);

/**
 * Rejected webhook deliveries (bad signature, stale timestamp), counted per reason and minute: anonymous traffic
 * adds at most one row per reason a minute, never one per request.
 */
export const webhookRejections = pgTable(
  "webhook_rejection_counts",
  {
    minute: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    count: integer().notNull().default(0),
    lastRemoteAddress: text(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.reason] })],
);

export const paymentLinks = pgTable(
  "payment_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Our link id, also Cashfree's `link_id`. */
    linkId: text().notNull().unique(),
    cfLinkId: text(),
    linkUrl: text(),
    orderId: text().references(() => orders.id),
    amountPaise: integer().notNull(),
    amountPaidPaise: integer().notNull().default(0),
    currency: text().notNull().default("INR"),
    purpose: text().notNull(),
    customerName: text(),
    customerEmail: text(),
    customerPhone: text().notNull(),
    status: text().notNull().default("ACTIVE"),
    createIdempotencyKey: uuid().notNull().defaultRandom(),
    expiresAt: timestamp({ withTimezone: true }),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("payment_links_amount_min", sql`${t.amountPaise} >= 100`),
    index("payment_links_status_idx").on(t.status),
  ],
);
