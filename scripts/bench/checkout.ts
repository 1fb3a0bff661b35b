// `npm run bench:checkout`: placing an order end to end (the checkout server action over HTTP on the production
// build → PostgreSQL → the local sandbox's Create Order) beside the sandbox's Create Order alone, at 1 and 10
// concurrent shoppers. Our own share is the difference of their p50s. A third row, the same action refused by
// its input check (nothing read or written), is the framework's floor for a server action on this build: what
// remains of our own share above it is the work of ours a checkout does (rate limits, stock, order, Cashfree
// client). BENCH_CPU_PROF=<dir> writes the server's CPU profile there (summarise it with scripts/bench/profile.ts)
// to see where that share goes. Prints the app's peak RSS.
import { readFileSync } from "node:fs";

import { eq } from "drizzle-orm";

import { addCartItem, createCart } from "../../db/queries/cart";
import { productVariants } from "../../db/schema";
import { computeTotals } from "../../lib/pricing";
import { startSandbox } from "../../sandbox/server";
import { peakRssMb } from "./app-memory";
import { freshBenchDatabase } from "./database";
import { httpClient } from "./http-client";
import { startNextServer } from "./next-server";
import { fmt, runConcurrent } from "./percentiles";

const PORT = 4798;
const SANDBOX_PORT = 8798;
const LEVELS = [1, 10];
const PER_LEVEL = Number(process.env.BENCH_CHECKOUT_PER_LEVEL ?? 200);

const { url, handle } = await freshBenchDatabase("storefront_bench_checkout");
const [variant] = await handle.db.select().from(productVariants).where(eq(productVariants.sku, "MASALA-CHAI-200"));
await handle.db.update(productVariants).set({ stock: 1_000_000 }).where(eq(productVariants.id, variant!.id));
// One cart per checkout: each shopper has their own.
const total = PER_LEVEL * LEVELS.length + 5;
const carts: string[] = [];
for (let i = 0; i < total; i++) {
  const cart = await createCart(handle.db);
  await addCartItem(handle.db, cart, variant!.id, 1, 10);
  carts.push(cart);
}
await handle.close();

const sandbox = await startSandbox({ port: SANDBOX_PORT });
const server = await startNextServer(PORT, {
  DATABASE_URL: url,
  CASHFREE_ENV: "local",
  CASHFREE_SANDBOX_PORT: String(SANDBOX_PORT),
  APP_URL: `http://localhost:${PORT}`,
  // Every benchmark shopper is 127.0.0.1: the per-address limit is raised (still counted), as in e2e.
  CHECKOUT_LIMIT_PER_ADDRESS: "100000",
});

const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
  node: Record<string, { filename: string; exportedName: string }>;
};
const actionId = Object.entries(manifest.node).find(
  ([, a]) => a.filename === "lib/actions/checkout.ts" && a.exportedName === "placeOrderAction",
)![0];
const customer = {
  name: "Bench Shopper",
  email: "bench@example.com",
  phone: "9876543210",
  line1: "1 MG Road",
  line2: "",
  city: "Pune",
  state: "Maharashtra",
  pincode: "411001",
};
const totalPaise = computeTotals([{ unitPricePaise: variant!.pricePaise, quantity: 1 }]).totalPaise;

const app = httpClient(`http://127.0.0.1:${PORT}`, Math.max(...LEVELS));
const cashfreeSandbox = httpClient(sandbox.url, Math.max(...LEVELS));

const actionHeaders = (cart: string) => ({
  "next-action": actionId,
  "content-type": "text/plain;charset=UTF-8",
  accept: "text/x-component",
  cookie: `cart_id=${cart}`,
});

/** The same action with a form that fails its input check: no database, no Cashfree; the framework's floor. */
async function refusedAtInput(cart: string) {
  const body = JSON.stringify([{ customer: {}, checkoutAttemptId: "x", expectedTotalPaise: -1 }]);
  const { status, text } = await app.send("POST", "/checkout", actionHeaders(cart), body);
  if (!text.includes('"ok":false')) throw new Error(`refused checkout answered (${status}): ${text.slice(0, 300)}`);
}

async function placeOrder(cart: string) {
  const body = JSON.stringify([{ customer, checkoutAttemptId: crypto.randomUUID(), expectedTotalPaise: totalPaise }]);
  const { status, text } = await app.send("POST", "/checkout", actionHeaders(cart), body);
  if (!text.includes('"ok":true')) throw new Error(`checkout failed (${status}): ${text.slice(0, 300)}`);
}

let orderCounter = 0;
async function createOrderAlone() {
  const headers = {
    "content-type": "application/json",
    "x-client-id": sandbox.appId,
    "x-client-secret": sandbox.secretKey,
    "x-api-version": "2025-01-01",
    "x-idempotency-key": crypto.randomUUID(),
  };
  const response = await cashfreeSandbox.send(
    "POST",
    "/pg/orders",
    headers,
    JSON.stringify({
      order_id: `bench_${Date.now()}_${orderCounter++}`,
      order_amount: totalPaise / 100,
      order_currency: "INR",
      customer_details: { customer_id: "C9876543210", customer_phone: "9876543210" },
      order_meta: { return_url: "http://localhost/orders/{order_id}" },
    }),
  );
  if (response.status !== 200) throw new Error(`create order: ${response.status}`);
}

const rows: string[][] = [];
let peakMb = 0;
try {
  // Warm-up: compile paths, fill pools.
  for (let i = 0; i < 5; i++) await placeOrder(carts[total - 1 - i]!);
  for (const [level, concurrency] of LEVELS.entries()) {
    const offset = level * PER_LEVEL;
    const alone = await runConcurrent(PER_LEVEL, concurrency, () => createOrderAlone());
    const floor = await runConcurrent(PER_LEVEL, concurrency, (i) => refusedAtInput(carts[offset + i]!));
    const full = await runConcurrent(PER_LEVEL, concurrency, (i) => placeOrder(carts[offset + i]!));
    rows.push([
      String(concurrency),
      "sandbox Create Order alone",
      alone.perSecond.toFixed(0),
      fmt(alone.p50),
      fmt(alone.p99),
      "",
      "",
    ]);
    rows.push([
      String(concurrency),
      "reference: the action refused by its input check",
      floor.perSecond.toFixed(0),
      fmt(floor.p50),
      fmt(floor.p99),
      "",
      "",
    ]);
    rows.push([
      String(concurrency),
      "checkout action → DB → Create Order",
      full.perSecond.toFixed(0),
      fmt(full.p50),
      fmt(full.p99),
      fmt(full.p50 - alone.p50),
      fmt(full.p50 - alone.p50 - floor.p50),
    ]);
  }
} finally {
  peakMb = peakRssMb(server.pid!);
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await sandbox.close();
}

console.log(
  `\nPlacing an order, ${PER_LEVEL} per row, production build + PostgreSQL + local sandbox (${new Date().toISOString()})\n`,
);
console.log(
  "| shoppers | path | orders/s | p50 | p99 | our own share (p50 − Create Order's p50) | above the framework's floor |",
);
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log("| goal | | | | | ≤ 4 ms at 1 shopper | |");
console.log(`\nApp peak RSS: ${peakMb} MB.`);
