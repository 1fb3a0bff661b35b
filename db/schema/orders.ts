import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { carts, products, productVariants } from "./catalog";

export const orderStatus = pgEnum("order_status", [
  "pending", // written locally, Cashfree order not created yet
  "awaiting_payment", // Cashfree order ACTIVE
  "paid",
  "checkout_failed", // Cashfree refused the order; stock released
  "expired",
  "cancelled",
  "needs_review", // paid, but something is wrong (amount, currency, late payment without stock)
]);

export const stockState = pgEnum("stock_state", ["reserved", "committed", "released"]);

export const fulfillmentStatus = pgEnum("fulfillment_status", [
  "unfulfilled",
  "ready_to_ship",
  "shipped",
  "delivered",
  "cancelled",
]);

export const orders = pgTable(
  "orders",
  {
    /** Our order id, also Cashfree's `order_id` (3–45 chars of [A-Za-z0-9_-]). */
    id: text().primaryKey(),
    /** Unguessable token in the shopper's order link. */
    accessToken: text().notNull(),
    cartId: uuid().references(() => carts.id, { onDelete: "set null" }),
    status: orderStatus().notNull().default("pending"),
    stockState: stockState().notNull().default("reserved"),
    fulfillmentStatus: fulfillmentStatus().notNull().default("unfulfilled"),
    currency: text().notNull().default("INR"),
    subtotalPaise: integer().notNull(),
    shippingPaise: integer().notNull().default(0),
    /** GST included in the total (prices are GST-inclusive), as the tax invoice breaks it down. */
    taxPaise: integer().notNull().default(0),
    totalPaise: integer().notNull(),
    refundedPaise: integer().notNull().default(0),
    customerName: text().notNull(),
    customerEmail: text().notNull(),
    customerPhone: text().notNull(),
    shippingLine1: text().notNull(),
    shippingLine2: text(),
    shippingCity: text().notNull(),
    shippingState: text().notNull(),
    shippingPincode: text().notNull(),
    /** A business purchase: the buyer's GSTIN and legal name, printed on its tax invoice. */
    buyerGstin: text(),
    buyerBusinessName: text(),
    /** The state whose GST applies: the delivery state, or the business buyer's state (see lib/gst/tax.ts). */
    placeOfSupply: text(),
    cfOrderId: text(),
    paymentSessionId: text(),
    cfOrderStatus: text(),
    /** Chosen by the checkout form once per attempt, so a double submit finds this order instead of making another. */
    checkoutAttemptId: uuid().unique(),
    /** Sent as x-idempotency-key on Create Order so a retry never creates a second Cashfree order. */
    createIdempotencyKey: uuid().notNull().defaultRandom(),
    paidCfPaymentId: text(),
    /**
     * The paying payment's method group (upi, credit_card…), copied from it by a trigger whenever
     * paid_cf_payment_id is set (migrations): the admin's "payment method" filter reads an index, not a join.
     */
    paidPaymentGroup: text(),
    /**
     * A Cashfree offer redeemed on the paying payment (its offer_id; several joined by commas) and the discount it
     * gave: the shopper paid the total less this.
     */
    cfOfferId: text(),
    offerDiscountPaise: integer(),
    /** Last time we asked Cashfree about this order (throttles Get Order from page refreshes). */
    cfCheckedAt: timestamp({ withTimezone: true }),
    attentionReason: text(),
    checkoutError: text(),
    paymentLinkId: text(),
    /** Shipment, as the merchant entered it: a courier, its AWB number and (optionally) a tracking page. */
    shippingCourier: text(),
    trackingNumber: text(),
    trackingUrl: text(),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    fulfilledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("orders_total_consistent", sql`${t.totalPaise} = ${t.subtotalPaise} + ${t.shippingPaise}`),
    check("orders_tax_included", sql`${t.taxPaise} >= 0 AND ${t.taxPaise} <= ${t.totalPaise}`),
    check("orders_total_min", sql`${t.totalPaise} >= 100`),
    check("orders_refund_bounded", sql`${t.refundedPaise} >= 0 AND ${t.refundedPaise} <= ${t.totalPaise}`),
    // The admin list pages by keyset on (sort value…, id): each sort and the status filter has its index.
    index("orders_status_created_idx").on(t.status, t.createdAt, t.id),
    index("orders_created_idx").on(t.createdAt, t.id),
    index("orders_total_created_idx").on(t.totalPaise, t.createdAt, t.id),
    index("orders_payment_group_created_idx").on(t.paidPaymentGroup, t.createdAt, t.id),
    index("orders_email_idx").on(t.customerEmail),
    index("orders_phone_idx").on(t.customerPhone),
    // Admin search by the start of an order id ("KC-2611…"): LIKE 'prefix%' needs a pattern-ops index.
    index("orders_id_prefix_idx").on(t.id.op("text_pattern_ops")),
    // A cart's orders, newest first: its open order (checkout) and the order its checkout page sends Back to.
    index("orders_cart_created_idx").on(t.cartId, t.createdAt),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id),
    /** The variant's SKU as sold. */
    sku: text().notNull(),
    /**
     * Name (with the variant's option values: "Coorg Filter Coffee, 500 g · Filter") and price as sold, so later
     * catalog edits never rewrite history.
     */
    productName: text().notNull(),
    hsnCode: text().notNull(),
    gstRateBps: integer().notNull(),
    unitPricePaise: integer().notNull(),
    quantity: integer().notNull(),
    lineTotalPaise: integer().notNull(),
  },
  (t) => [
    check("order_items_quantity_positive", sql`${t.quantity} > 0`),
    check("order_items_line_total", sql`${t.lineTotalPaise} = ${t.unitPricePaise} * ${t.quantity}`),
    index("order_items_order_idx").on(t.orderId),
  ],
);

/** Append-only timeline: a trigger in the migrations refuses UPDATE and DELETE. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id),
    type: text().notNull(),
    source: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

/**
 * The dashboard's figures, kept by a trigger on `orders` (migrations) in the same transaction as every order
 * change, so they are always exact and the dashboard reads a few hundred rows, never a million orders.
 * `created` rows: orders by the India day they were placed and their status now. `paid` rows: paid orders by the
 * India day they were paid and the paying method (`unknown` without one), with their refunds. Each figure is
 * spread over 16 `shard` rows (by order id), summed when read: concurrent payments of one day and method would
 * otherwise all wait, in turn, for the one row's lock until their transactions commit.
 */
export const orderDailyStats = pgTable(
  "order_daily_stats",
  {
    kind: text().notNull().$type<"created" | "paid">(),
    day: date({ mode: "string" }).notNull(),
    key: text().notNull(),
    orders: integer().notNull().default(0),
    totalPaise: bigint({ mode: "number" }).notNull().default(0),
    refundedPaise: bigint({ mode: "number" }).notNull().default(0),
    shard: smallint().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.day, t.key, t.shard] })],
);
