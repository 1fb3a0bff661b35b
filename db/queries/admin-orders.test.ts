import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "../client";
import { createTestDatabase, requirePostgres, type TestDatabase } from "../testing/databases";
import { COUNT_CAP, listOrdersPage, ORDER_SORTS, type OrderListQuery } from "./admin-orders";

// The admin order list pages by keyset: every order exactly once, both ways, on each driver, while orders arrive.
const postgres = await requirePostgres();
const drivers: DatabaseDriver[] = postgres ? ["pglite", "pg", "neon"] : ["pglite"];

async function insertOrders(database: TestDatabase, from: number, to: number, createdAt = sql`now()`) {
  // Many share a timestamp to the microsecond and a total: only the id tells them apart.
  await database.db.execute(sql`
    INSERT INTO orders (id, access_token, status, subtotal_paise, total_paise, customer_name, customer_email,
      customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, expires_at, created_at)
    SELECT 'KC-T' || lpad(i::text, 5, '0'), md5(i::text), 'paid', 10000 + (i % 4) * 100, 10000 + (i % 4) * 100,
      'Customer ' || i, 'c' || i || '@example.com', '98' || lpad(i::text, 8, '0'), '1 MG Road', 'Pune',
      'Maharashtra', '411001', now(), ${createdAt} - (i / 7) * interval '1 second' - (i % 3) * interval '1 microsecond'
    FROM generate_series(${from}::int, ${to}::int) AS i`);
}

async function walk(database: TestDatabase, query: Omit<OrderListQuery, "cursor">) {
  const seen: string[] = [];
  let page = await listOrdersPage(database.db, query);
  const pages = [page];
  seen.push(...page.rows.map((r) => r.id));
  while (page.next) {
    page = await listOrdersPage(database.db, { ...query, cursor: { direction: "after", row: page.next } });
    pages.push(page);
    seen.push(...page.rows.map((r) => r.id));
  }
  return { seen, pages };
}

describe.each(drivers)("admin order list, keyset pages (%s)", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await insertOrders(database, 1, 103);
  });
  afterAll(() => database?.close());

  it.each(ORDER_SORTS)("visits every order once, in %s order, and Previous retraces the pages", async (sort) => {
    const all = await listOrdersPage(database.db, { sort, limit: 1000 });
    const { seen, pages } = await walk(database, { sort, limit: 10 });
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(103);
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages[0]!.previous).toBeNull();
    // Back from the last page, one page at a time, to the first.
    for (let i = pages.length - 1; i > 0; i--) {
      const back = await listOrdersPage(database.db, {
        sort,
        limit: 10,
        cursor: { direction: "before", row: pages[i]!.previous! },
      });
      expect(back.rows.map((r) => r.id)).toEqual(pages[i - 1]!.rows.map((r) => r.id));
      expect(back.next).not.toBeNull();
      if (i === 1) expect(back.previous).toBeNull();
    }
  });

  it("keeps a page put while new orders arrive at the top", async () => {
    const first = await listOrdersPage(database.db, { sort: "newest", limit: 10 });
    const second = await listOrdersPage(database.db, {
      sort: "newest",
      limit: 10,
      cursor: { direction: "after", row: first.next! },
    });
    await insertOrders(database, 500, 520, sql`now() + interval '1 hour'`);
    const again = await listOrdersPage(database.db, {
      sort: "newest",
      limit: 10,
      cursor: { direction: "after", row: first.next! },
    });
    expect(again.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const top = await listOrdersPage(database.db, { sort: "newest", limit: 10 });
    expect(top.rows[0]!.id).toMatch(/^KC-T005/);
  });

  it("applies filters with the edge, and counts matches up to the cap", async () => {
    const { seen } = await walk(database, { sort: "total_high", limit: 7, minTotalPaise: 10300 });
    expect(seen.length).toBeGreaterThan(0);
    const pages = await listOrdersPage(database.db, { sort: "total_high", limit: 7, minTotalPaise: 10300 });
    expect(pages.total).toBe(seen.length);
    expect(COUNT_CAP).toBe(1_000);
  });

  it("filters by the paying payment's method, which the order takes from that payment when it is paid", async () => {
    // The order writer inserts the payment, then sets paid_cf_payment_id: the trigger copies the group.
    await database.db.execute(sql`
      INSERT INTO payments (order_id, cf_payment_id, status, amount_paise, currency, payment_group, source)
      VALUES ('KC-T00005', 'P-UPI-5', 'SUCCESS', 10100, 'INR', 'upi', 'webhook'),
        ('KC-T00006', 'P-CARD-6', 'SUCCESS', 10200, 'INR', 'credit_card', 'webhook')`);
    await database.db.execute(sql`UPDATE orders SET paid_cf_payment_id = 'P-UPI-5' WHERE id = 'KC-T00005'`);
    await database.db.execute(sql`UPDATE orders SET paid_cf_payment_id = 'P-CARD-6' WHERE id = 'KC-T00006'`);
    const upi = await listOrdersPage(database.db, { sort: "newest", limit: 10, paymentGroup: "upi" });
    expect(upi.rows.map((r) => [r.id, r.paymentGroup])).toEqual([["KC-T00005", "upi"]]);
    expect(upi.total).toBe(1);
    const cards = await listOrdersPage(database.db, { sort: "newest", limit: 10, paymentGroup: "credit_card" });
    expect(cards.rows.map((r) => r.id)).toEqual(["KC-T00006"]);
  });
});
