// `npm run bench:admin`: the admin order list and the dashboard as orders grow, on a real PostgreSQL. Seeds
// 10,000, then 100,000, then 1,000,000 orders (BENCH_ADMIN_SIZES) with generate_series, times each query's p50 at
// each size, and streams the CSV export of the largest. The reference rows: the old OFFSET page and the goals.
import { sql } from "drizzle-orm";

import { iterateOrders, listOrdersPage, type OrderCursor, type OrderListQuery } from "../../db/queries/admin-orders";
import { ordersByStatus, paymentMethodMix, revenueByDay } from "../../db/queries/admin-stats";
import { orders } from "../../db/schema";
import { indiaDay } from "../../lib/india-day";
import { freshBenchDatabase } from "./database";
import { seedOrders } from "./seed-orders";
import { fmt, percentile } from "./percentiles";

const SIZES = (process.env.BENCH_ADMIN_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const RUNS = 20;
const PAGE = 50;

const { handle } = await freshBenchDatabase("storefront_bench_admin");
const db = handle.db;

/** Seeds orders from..to, then checks the dashboard's rollup against them. */
async function seed(from: number, to: number) {
  await seedOrders(db, from, to);
  // The dashboard reads the trigger's rollup: make sure it says what the orders say before timing it.
  const check = await db.execute(sql`
    SELECT (SELECT sum(orders) FROM order_daily_stats WHERE kind = 'paid' AND key = 'upi')::int AS rollup,
      (SELECT count(*) FROM orders o JOIN payments p ON p.cf_payment_id = o.paid_cf_payment_id
        WHERE o.status = 'paid' AND p.payment_group = 'upi')::int AS counted`);
  const { rollup, counted } = (check as unknown as { rows: { rollup: number; counted: number }[] }).rows[0]!;
  if (rollup !== counted) throw new Error(`the dashboard rollup says ${rollup} UPI orders, the orders ${counted}`);
}

/** The cursor of the row that ends page `page` (untimed: how a merchant would have got there, by Next links). */
async function edgeOfPage(query: Omit<OrderListQuery, "cursor" | "limit">, page: number): Promise<OrderCursor> {
  const [row] = await db
    .select({ createdAt: sql<string>`${orders.createdAt}::text`, id: orders.id, totalPaise: orders.totalPaise })
    .from(orders)
    .orderBy(
      ...(query.sort === "newest"
        ? [sql`created_at desc`, sql`id desc`]
        : [sql`total_paise desc`, sql`created_at desc`, sql`id desc`]),
    )
    .offset(page * PAGE - 1)
    .limit(1);
  return row!;
}

async function p50(task: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const base: Omit<OrderListQuery, "cursor"> = { sort: "newest", limit: PAGE };
const since30 = indiaDay(Date.now() - 29 * 86_400_000);
const results = new Map<string, number[]>();
const record = (name: string, ms: number) => results.set(name, [...(results.get(name) ?? []), ms]);

let seeded = 0;
const seedSeconds: string[] = [];
for (const size of SIZES) {
  const started = performance.now();
  await seed(seeded + 1, size);
  seeded = size;
  seedSeconds.push(`${size.toLocaleString("en-US")}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const page100 = await edgeOfPage(base, 99);
  const middle = await edgeOfPage(base, Math.floor(size / PAGE / 2));
  const totalPage100 = await edgeOfPage({ ...base, sort: "total_high" }, 99);
  const cases: [string, () => Promise<unknown>][] = [
    ["newest, page 1", () => listOrdersPage(db, base)],
    [
      "newest, page 100 (Next from page 99)",
      () => listOrdersPage(db, { ...base, cursor: { direction: "after", row: page100 } }),
    ],
    ["newest, middle page", () => listOrdersPage(db, { ...base, cursor: { direction: "after", row: middle } })],
    [
      "newest, Previous from the middle",
      () => listOrdersPage(db, { ...base, cursor: { direction: "before", row: middle } }),
    ],
    ["status = needs_review", () => listOrdersPage(db, { ...base, status: "needs_review" })],
    ["payment method = upi", () => listOrdersPage(db, { ...base, paymentGroup: "upi" })],
    [
      "last 7 days, ₹1,000–₹2,000",
      () =>
        listOrdersPage(db, {
          ...base,
          createdFrom: new Date(Date.now() - 7 * 86_400_000),
          minTotalPaise: 100_000,
          maxTotalPaise: 200_000,
        }),
    ],
    ["search by email", () => listOrdersPage(db, { ...base, search: "customer4242@example.com" })],
    ["search by order id prefix", () => listOrdersPage(db, { ...base, search: "KC-B00042" })],
    [
      "sort by total, highest, page 100",
      () => listOrdersPage(db, { ...base, sort: "total_high", cursor: { direction: "after", row: totalPage100 } }),
    ],
    [
      "dashboard, 30 days (3 queries)",
      () => Promise.all([ordersByStatus(db, since30), revenueByDay(db, since30), paymentMethodMix(db, since30)]),
    ],
    [
      "reference: newest, page 100 by OFFSET (before)",
      () =>
        db
          .select({ id: orders.id })
          .from(orders)
          .orderBy(sql`created_at desc`, sql`id desc`)
          .offset(99 * PAGE)
          .limit(PAGE),
    ],
    [
      "reference: newest, middle page by OFFSET (before)",
      () =>
        db
          .select({ id: orders.id })
          .from(orders)
          .orderBy(sql`created_at desc`, sql`id desc`)
          .offset(Math.floor(size / PAGE / 2) * PAGE)
          .limit(PAGE),
    ],
    ["reference: exact count(*) of all orders (before)", () => db.$count(orders)],
  ];
  for (const [name, task] of cases) record(name, await p50(task));
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

const label = (n: number) => n.toLocaleString("en-US");
console.log(
  `\nAdmin order list and dashboard, PostgreSQL, p50 of ${RUNS} runs, ${PAGE} rows a page (${new Date().toISOString()})`,
);
console.log(`Seeding took ${seedSeconds.join(", ")}.\n`);
console.log(
  `| query | ${SIZES.map((n) => `${label(n)} orders`).join(" | ")} | growth ${label(SIZES[0]!)} → ${label(SIZES.at(-1)!)} |`,
);
console.log(`|---|${SIZES.map(() => "---|").join("")}---|`);
for (const [name, times] of results)
  console.log(`| ${name} | ${times.map(fmt).join(" | ")} | ${(times.at(-1)! / times[0]!).toFixed(1)}× |`);
console.log(`| goal | ${SIZES.map((n, i) => (i === SIZES.length - 1 ? "≤ 20 ms" : "")).join(" | ")} | ≤ 2× |`);
console.log(
  `\nCSV export stream: ${label(exported)} orders in ${exportSeconds.toFixed(1)} s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (from ${(rssBefore / 1024 / 1024).toFixed(0)} MB before; batches of 1,000).`,
);
