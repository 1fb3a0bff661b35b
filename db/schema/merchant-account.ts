import { bigint, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { orders } from "./orders";

const paise = () => bigint({ mode: "number" });

/**
 * The merchant's own Cashfree account connected by partner OAuth (one per shop). Tokens are AES-256-GCM
 * ciphertexts; the key is in the environment, never here.
 */
export const cashfreeConnections = pgTable("cashfree_connections", {
  /** Always "primary": one shop, one connected account. A row to lock while refreshing. */
  id: text().primaryKey().default("primary"),
  merchantId: text().notNull(),
  environment: text().notNull(),
  /** linked | broken (a refresh was refused) | unlinked (Cashfree said so) | disconnected (the owner did) */
  status: text().notNull(),
  statusReason: text(),
  accessTokenCipher: text(),
  refreshTokenCipher: text(),
  accessExpiresAt: timestamp({ withTimezone: true }),
  refreshExpiresAt: timestamp({ withTimezone: true }),
  /** Counts rotations: a refresh that finds a newer generation than it read knows another one already ran. */
  tokenGeneration: integer().notNull().default(0),
  connectedBy: text(),
  connectedAt: timestamp({ withTimezone: true }),
  lastRefreshedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** OAuth `state` values handed out with an authorisation link: single use, short-lived, bound to a session. */
export const oauthStates = pgTable("oauth_states", {
  /** SHA-256 of the state, so the table never holds a usable value. */
  stateHash: text().primaryKey(),
  adminUserId: text().notNull(),
  /** The session (its token id) that asked; the callback must come back in the same one. */
  sessionId: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One Cashfree settlement: the money paid into the merchant's bank for a window of payments. Paise. */
export const settlements = pgTable(
  "settlements",
  {
    id: uuid().primaryKey().defaultRandom(),
    cfSettlementId: text().notNull().unique(),
    utr: text(),
    status: text().notNull(),
    settlementType: text(),
    currency: text().notNull().default("INR"),
    paymentFrom: timestamp({ withTimezone: true }),
    paymentTill: timestamp({ withTimezone: true }),
    initiatedOn: timestamp({ withTimezone: true }),
    settledOn: timestamp({ withTimezone: true }),
    paymentAmountPaise: paise().notNull().default(0),
    serviceChargePaise: paise().notNull().default(0),
    serviceTaxPaise: paise().notNull().default(0),
    settlementChargePaise: paise().notNull().default(0),
    settlementTaxPaise: paise().notNull().default(0),
    adjustmentPaise: paise().notNull().default(0),
    amountSettledPaise: paise().notNull().default(0),
    reason: text(),
    remarks: text(),
    /** webhook | pull: how we first learnt of it. */
    source: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("settlements_settled_on_idx").on(t.settledOn)],
);

/** A line of a settlement: a payment, refund, dispute or adjustment it covers (Cashfree's recon report). */
export const settlementLines = pgTable(
  "settlement_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    settlementId: uuid()
      .notNull()
      .references(() => settlements.id),
    /** PAYMENT | REFUND | DISPUTE | ADJUSTMENT … */
    eventType: text().notNull(),
    eventId: text().notNull(),
    /** Null when the line names an order this shop does not have. */
    orderId: text().references(() => orders.id),
    cfOrderId: text(),
    cfPaymentId: text(),
    amountPaise: paise().notNull(),
    serviceChargePaise: paise().notNull().default(0),
    serviceTaxPaise: paise().notNull().default(0),
    settlementAmountPaise: paise().notNull(),
    eventTime: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("settlement_lines_event_unique").on(t.settlementId, t.eventType, t.eventId),
    index("settlement_lines_order_idx").on(t.orderId),
  ],
);

/** Days whose settlements the daily pull has imported, so a missed day is pulled once it comes back. */
export const settlementImportDays = pgTable("settlement_import_days", {
  day: date({ mode: "string" }).primaryKey(),
  settlements: integer().notNull(),
  lines: integer().notNull(),
  importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
