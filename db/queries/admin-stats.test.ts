import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "../client";
import { migrateDatabase } from "../migrate";
import { createTestDatabase, migrationsUpTo, requirePostgres, type TestDatabase } from "../testing/databases";
import { ordersByStatus, paymentMethodMix, revenueByDay } from "./admin-stats";

// The dashboard's daily figures (kept by a trigger on orders) always equal what the orders themselves say.
const postgres = await requirePostgres();
const drivers: DatabaseDriver[] = postgres ? ["pglite", "pg", "neon"] : ["pglite"];
const SINCE = "2000-01-01";

async function placeOrders(database: TestDatabase, from: number, to: number) {
  await database.db.execute(sql`
    INSERT INTO orders (id, access_token, status, subtotal_paise, total_paise, customer_name, customer_email,
      customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, expires_at, created_at)
    SELECT 'KC-S' || lpad(i::text, 5, '0'), md5(i::text), 'awaiting_payment', 10000 + i * 100, 10000 + i * 100,
      'Customer ' || i, 'c' || i || '@example.com', '98' || lpad(i::text, 8, '0'), '1 MG Road', 'Pune',
      'Maharashtra', '411001', now(), now() - (i % 5) * interval '1 day' - interval '20 hours'
    FROM generate_series(${from}::int, ${to}::int) AS i`);
}

async function pay(database: TestDatabase, from: number, to: number, group: string | null) {
  await database.db.execute(sql`
    INSERT INTO payments (order_id, cf_payment_id, status, amount_paise, currency, payment_group, source)
    SELECT id, 'P' || id, 'SUCCESS', total_paise, 'INR', ${group}, 'webhook' FROM orders
    WHERE id BETWEEN 'KC-S' || lpad(${from}::text, 5, '0') AND 'KC-S' || lpad(${to}::text, 5, '0')`);
  await database.db.execute(sql`
    UPDATE orders SET status = 'paid', paid_cf_payment_id = 'P' || id, paid_at = created_at + interval '6 hours'
    WHERE id BETWEEN 'KC-S' || lpad(${from}::text, 5, '0') AND 'KC-S' || lpad(${to}::text, 5, '0')`);
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The same figures, straight from the orders: what the rollup must always equal. */
async function fromOrders(database: TestDatabase) {
  const byStatus = await database.db.execute<{ status: string; n: number; total: number }>(sql`
    SELECT status::text AS status, count(*)::int AS n, sum(total_paise)::int AS total FROM orders GROUP BY 1 ORDER BY 1`);
  const byDay = await database.db.execute<{ day: string; revenue: number; refunded: number; n: number }>(sql`
    SELECT to_char(paid_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS day, sum(total_paise)::int AS revenue,
      sum(refunded_paise)::int AS refunded, count(*)::int AS n
    FROM orders WHERE status = 'paid' GROUP BY 1 ORDER BY 1`);
  const byMethod = await database.db.execute<{ method: string; n: number; total: number }>(sql`
    SELECT coalesce(p.payment_group, 'unknown') AS method, count(*)::int AS n, sum(o.total_paise)::int AS total
    FROM orders o LEFT JOIN payments p ON p.cf_payment_id = o.paid_cf_payment_id
    WHERE o.status = 'paid' GROUP BY 1 ORDER BY 1`);
  return {
    byStatus: rowsOf<{ status: string; n: number; total: number }>(byStatus).map((r) => ({
      status: r.status,
      n: r.n,
      totalPaise: r.total,
    })),
    byDay: rowsOf<{ day: string; revenue: number; refunded: number; n: number }>(byDay).map((r) => ({
      day: r.day,
      revenuePaise: r.revenue,
      refundedPaise: r.refunded,
      n: r.n,
    })),
    byMethod: rowsOf<{ method: string; n: number; total: number }>(byMethod).map((r) => ({
      method: r.method,
      n: r.n,
      totalPaise: r.total,
    })),
  };
}

async function fromRollup(database: TestDatabase) {
  const byStatus = (await ordersByStatus(database.db, SINCE)).sort((a, b) => a.status.localeCompare(b.status));
  const byMethod = (await paymentMethodMix(database.db, SINCE)).sort((a, b) => a.method.localeCompare(b.method));
  return { byStatus, byDay: await revenueByDay(database.db, SINCE), byMethod };
}

describe.each(drivers)("dashboard figures from the daily rollup (%s)", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.close());

  it("follows every change of an order: placed, paid, refunded, expired, reviewed, deleted", async () => {
    await placeOrders(database, 1, 40);
    await pay(database, 1, 15, "upi");
    await pay(database, 16, 20, "credit_card");
    await database.db.execute(sql`UPDATE orders SET status = 'expired' WHERE id BETWEEN 'KC-S00021' AND 'KC-S00025'`);
    await database.db.execute(sql`UPDATE orders SET refunded_paise = 5000 WHERE id IN ('KC-S00003', 'KC-S00017')`);
    await database.db.execute(sql`UPDATE orders SET status = 'needs_review' WHERE id = 'KC-S00004'`);
    // Paid through a payment we have no row for: counted as "unknown".
    await database.db.execute(
      sql`UPDATE orders SET status = 'paid', paid_at = now(), paid_cf_payment_id = 'P-missing' WHERE id = 'KC-S00030'`,
    );
    // A change the figures do not depend on leaves them alone.
    await database.db.execute(sql`UPDATE orders SET customer_name = 'Renamed' WHERE id = 'KC-S00001'`);
    await database.db.execute(sql`DELETE FROM orders WHERE id = 'KC-S00040'`);

    const expected = await fromOrders(database);
    expect(expected.byMethod.map((m: { method: string }) => m.method)).toEqual(["credit_card", "unknown", "upi"]);
    expect(await fromRollup(database)).toEqual(expected);
  });
});

describe("the migration counts the orders already there (pglite)", () => {
  it("backfills the rollup from existing orders and payments", async () => {
    const database = await createTestDatabase("pglite", {
      migrationsFolder: migrationsUpTo("0015_audit_log_and_rate_limiter"),
    });
    try {
      await placeOrders(database, 1, 12);
      await pay(database, 1, 6, "net_banking");
      await migrateDatabase(database);
      expect(await fromRollup(database)).toEqual(await fromOrders(database));
    } finally {
      await database.close();
    }
  });
});
