import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const adminRole = pgEnum("admin_role", ["owner", "staff"]);

export const adminUsers = pgTable("admin_users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: adminRole().notNull().default("staff"),
  /** Largest refund a staff member may issue; null means no refunds beyond the store default. */
  refundLimitPaise: integer(),
  disabledAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Admin sessions ended by signing out: their cookies are refused until they would have expired anyway. */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * rate-limiter-flexible's counters (RateLimiterDrizzle): one row per limited key, with the points consumed in
 * the window that ends at `expire`. Shared by every app instance on the database; Redis replaces it when set.
 */
export const rateLimiterCounters = pgTable(
  "rate_limiter_counters",
  {
    key: text().primaryKey(),
    points: integer().notNull().default(0),
    expire: timestamp({ withTimezone: true }),
  },
  (t) => [index("rate_limiter_counters_expire_idx").on(t.expire)],
);

/** Store-wide settings edited by the owner, e.g. the checkout variant. */
export const storeSettings = pgTable("store_settings", {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * This database, as opposed to another one at the same address: one row, a random id written by the migration that
 * created the table, so a database recreated (a deleted PGlite folder, a dropped and created PostgreSQL database, a
 * restore into a new one) has another. Data cached outside the database is keyed by it (lib/products.ts).
 */
export const databaseIdentity = pgTable("database_identity", {
  id: uuid().primaryKey().defaultRandom(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
