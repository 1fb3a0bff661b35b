import { sql } from "drizzle-orm";

import type { Database } from "../../db/client";

/**
 * Orders KC-B<from>..KC-B<to> over 90 days, with their payments; statuses, methods and amounts spread like a real
 * shop's. One statement, so the payments' foreign key and the orders' dashboard trigger both run at its end.
 */
export async function seedOrders(db: Database, from: number, to: number) {
  await db.execute(sql`
    WITH placed AS (INSERT INTO orders (id, access_token, status, stock_state, subtotal_paise, shipping_paise, total_paise, customer_name, customer_email,
      customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, paid_cf_payment_id, expires_at, paid_at, created_at)
    SELECT 'KC-B' || lpad(i::text, 7, '0'), md5(i::text),
      (ARRAY['paid','paid','paid','paid','paid','awaiting_payment','expired','checkout_failed','cancelled','needs_review'])[1 + i % 10]::order_status,
      'committed', 10000 + (i * 7919) % 500000, 0, 10000 + (i * 7919) % 500000,
      'Customer ' || i, 'customer' || i || '@example.com', (9000000000 + i)::text, '1 MG Road', 'Pune', 'Maharashtra', '411001',
      CASE WHEN i % 10 < 5 THEN 'P' || i END, now(), CASE WHEN i % 10 < 5 THEN now() - (i % 90) * interval '1 day' END,
      now() - (i % 90) * interval '1 day' - (i % 1440) * interval '1 minute'
    FROM generate_series(${from}::int, ${to}::int) AS i RETURNING id)
    INSERT INTO payments (order_id, cf_payment_id, status, amount_paise, currency, payment_group, source)
    SELECT 'KC-B' || lpad(i::text, 7, '0'), 'P' || i, 'SUCCESS', 10000 + (i * 7919) % 500000, 'INR',
      (ARRAY['upi','debit_card','credit_card','net_banking','wallet'])[1 + i % 5], 'webhook'
    FROM generate_series(${from}::int, ${to}::int) AS i WHERE i % 10 < 5`);
  await db.execute(sql`ANALYZE`);
}
