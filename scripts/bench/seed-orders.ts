import { sql } from "drizzle-orm";

import type { Database } from "../../db/client";

type Executor = Pick<Database, "execute">;

/**
 * Orders KC-B<from>..KC-B<to> over 90 days, with their payments; statuses, methods and amounts spread like a real
 * shop's. The dashboard's trigger would add each row to the rollup one at a time (minutes for a million): it is
 * off for this one transaction (session_replication_role, the local superuser's), and the rows' figures are added
 * after in two grouped statements, the way the migration's backfill does.
 */
export async function seedOrders(db: Database, from: number, to: number) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await insertOrders(tx, from, to);
    await addToRollup(tx, from, to);
  });
  // What autovacuum does soon after in a live shop: statistics, and the visibility map index-only scans need.
  await db.execute(sql`VACUUM ANALYZE orders, payments, order_daily_stats`);
  // A live shop's million orders came over months; this bulk load's WAL and dirty pages are written out now, so
  // the checkpoint it triggers does not land in (and get measured as) the run that follows.
  await db.execute(sql`CHECKPOINT`);
}

async function insertOrders(db: Executor, from: number, to: number) {
  await db.execute(sql`
    WITH placed AS (INSERT INTO orders (id, access_token, status, stock_state, subtotal_paise, shipping_paise, total_paise, customer_name, customer_email,
      customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, paid_cf_payment_id, paid_payment_group, expires_at, paid_at, created_at)
    SELECT 'KC-B' || lpad(i::text, 7, '0'), md5(i::text),
      (ARRAY['paid','paid','paid','paid','paid','awaiting_payment','expired','checkout_failed','cancelled','needs_review'])[1 + i % 10]::order_status,
      'committed', 10000 + (i::bigint * 7919) % 500000, 0, 10000 + (i::bigint * 7919) % 500000,
      'Customer ' || i, 'customer' || i || '@example.com', (9000000000 + i)::text, '1 MG Road', 'Pune', 'Maharashtra', '411001',
      CASE WHEN i % 10 < 5 THEN 'P' || i END,
      CASE WHEN i % 10 < 5 THEN (ARRAY['upi','debit_card','credit_card','net_banking','wallet'])[1 + i % 5] END, now(), CASE WHEN i % 10 < 5 THEN now() - (i % 90) * interval '1 day' END,
      now() - (i % 90) * interval '1 day' - (i % 1440) * interval '1 minute'
    FROM generate_series(${from}::int, ${to}::int) AS i RETURNING id)
    INSERT INTO payments (order_id, cf_payment_id, status, amount_paise, currency, payment_group, source)
    SELECT 'KC-B' || lpad(i::text, 7, '0'), 'P' || i, 'SUCCESS', 10000 + (i::bigint * 7919) % 500000, 'INR',
      (ARRAY['upi','debit_card','credit_card','net_banking','wallet'])[1 + i % 5], 'webhook'
    FROM generate_series(${from}::int, ${to}::int) AS i WHERE i % 10 < 5`);
}

async function addToRollup(db: Executor, from: number, to: number) {
  const seeded = sql`o.id BETWEEN ${seededId(from)} AND ${seededId(to)} AND o.id ~ '^KC-B[0-9]{7}$'`;
  await db.execute(sql`
    INSERT INTO order_daily_stats AS s (kind, day, key, orders, total_paise, refunded_paise)
    SELECT 'created', (o.created_at AT TIME ZONE 'Asia/Kolkata')::date, o.status::text, count(*), sum(o.total_paise), 0
    FROM orders o WHERE ${seeded} GROUP BY 2, 3
    ON CONFLICT (kind, day, key, shard) DO UPDATE
      SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise`);
  await db.execute(sql`
    INSERT INTO order_daily_stats AS s (kind, day, key, orders, total_paise, refunded_paise)
    SELECT 'paid', (o.paid_at AT TIME ZONE 'Asia/Kolkata')::date, coalesce(p.payment_group, 'unknown'), count(*),
      sum(o.total_paise), sum(o.refunded_paise)
    FROM orders o LEFT JOIN payments p ON p.cf_payment_id = o.paid_cf_payment_id
    WHERE ${seeded} AND o.status = 'paid' AND o.paid_at IS NOT NULL GROUP BY 2, 3
    ON CONFLICT (kind, day, key, shard) DO UPDATE
      SET orders = s.orders + excluded.orders, total_paise = s.total_paise + excluded.total_paise,
        refunded_paise = s.refunded_paise + excluded.refunded_paise`);
}

/** The seeded ids sort as text in the order of their numbers (zero-padded to 7 digits). */
const seededId = (i: number) => `KC-B${String(i).padStart(7, "0")}`;
