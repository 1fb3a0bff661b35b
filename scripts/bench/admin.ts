// `npm run bench:admin`: the admin order list on 100,000 orders in a real PostgreSQL. Seeds them with
// generate_series, then times the list page's queries (filters, search, sorting, deep pages) and the
// streamed CSV export, and prints a table.
import { sql } from "drizzle-orm";

import { iterateOrders, listOrdersPage, type OrderListQuery } from "../../db/queries/admin-orders";
import { freshBenchDatabase } from "./database";
import { fmt, percentile } from "./percentiles";

const ORDERS = Number(process.env.BENCH_ADMIN_ORDERS ?? 100_000);
const RUNS = 20;
const PAGE = 50;

const { handle } = await freshBenchDatabase("storefront_bench_admin");
const db = handle.db;
const seedStarted = performance.now();
// Statuses, methods and amounts spread like a real shop's: mostly paid, some abandoned, a few odd ones.
await db.execute(sql`
  INSERT INTO orders (id, access_token, status, stock_state, subtotal_paise, shipping_paise, total_paise, customer_name, customer_email,
    customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, paid_cf_payment_id, expires_at, paid_at, created_at)
  SELECT 'KC-B' || lpad(i::text, 7, '0'), md5(i::text),
    (ARRAY['paid','paid','paid','paid','paid','awaiting_payment','expired','checkout_failed','cancelled','needs_review'])[1 + i % 10]::order_status,
    'committed', 10000 + (i * 7919) % 500000, 0, 10000 + (i * 7919) % 500000,
    'Customer ' || i, 'customer' || i || '@example.com', (9000000000 + i)::text, '1 MG Road', 'Pune', 'Maharashtra', '411001',
    CASE WHEN i % 10 < 5 THEN 'P' || i END, now(), CASE WHEN i % 10 < 5 THEN now() - (i % 90) * interval '1 day' END,
    now() - (i % 90) * interval '1 day' - (i % 1440) * interval '1 minute'
  FROM generate_series(1, ${ORDERS}) AS i`);
await db.execute(sql`
  INSERT INTO payments (order_id, cf_payment_id, status, amount_paise, currency, payment_group, source)
  SELECT id, paid_cf_payment_id, 'SUCCESS', total_paise, 'INR', (ARRAY['upi','debit_card','credit_card','net_banking','wallet'])[1 + abs(hashtext(id)) % 5], 'webhook'
  FROM orders WHERE paid_cf_payment_id IS NOT NULL`);
await db.execute(sql`ANALYZE`);
const seedSeconds = (performance.now() - seedStarted) / 1000;

const base: OrderListQuery = { sort: "newest", limit: PAGE, offset: 0 };
const cases: [string, OrderListQuery][] = [
  ["newest, page 1", base],
  ["newest, page 100", { ...base, offset: 99 * PAGE }],
  ["newest, page 1000", { ...base, offset: 999 * PAGE }],
  ["status = needs_review", { ...base, status: "needs_review" }],
  ["payment method = upi", { ...base, paymentGroup: "upi" }],
  [
    "last 7 days, ₹1,000–₹2,000",
    { ...base, createdFrom: new Date(Date.now() - 7 * 86_400_000), minTotalPaise: 100_000, maxTotalPaise: 200_000 },
  ],
  ["search by email", { ...base, search: "customer4242@example.com" }],
  ["search by order id prefix", { ...base, search: "KC-B00042" }],
  ["sort by total, highest", { ...base, sort: "total_high" }],
];

const rows: string[][] = [];
for (const [name, query] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    total = (await listOrdersPage(db, query)).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push([name, total.toLocaleString("en-IN"), fmt(percentile(times, 50)), fmt(percentile(times, 99))]);
}

const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let exported = 0;
const exportStarted = performance.now();
for await (const batch of iterateOrders(db, {})) {
  exported += batch.length;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const exportSeconds = (performance.now() - exportStarted) / 1000;
await handle.close();

console.log(
  `\nAdmin order list on ${ORDERS.toLocaleString("en-IN")} orders, PostgreSQL, ${RUNS} runs per row, ${PAGE} rows per page (${new Date().toISOString()})`,
);
console.log(`Seeding took ${seedSeconds.toFixed(1)} s.\n`);
console.log("| query | matching orders | p50 | p99 |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(
  `\nCSV export stream: ${exported.toLocaleString("en-IN")} orders in ${exportSeconds.toFixed(1)} s, memory growth ${((peakRss - rssBefore) / 1024 / 1024).toFixed(0)} MB (batches of 1,000).`,
);
