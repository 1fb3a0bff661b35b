// `npm run bench:webhooks`: signed Cashfree webhooks against the production build on real PostgreSQL, beside the
// same build's reference route (/api/webhooks/verify-only: reads the body and verifies the signature, nothing
// else), so each row prints its throughput as a ratio of the framework's floor at the same concurrency.
// Each new-payment delivery pays a distinct order: the answer comes once the event and its apply job are stored,
// and the apply (row lock, payment row, stock commit, tax invoice, events, the confirmation e-mail's outbox job,
// sent to a real MailDev) follows it; the row also prints how fast those applies finished, end to end, from the
// database's own timestamps, and checks every order ended paid. A second pass replays the same deliveries
// (duplicates). Then the table grows to 1,000,000 orders and one sender pays fresh orders again: neither the
// answer nor the apply may grow with the table. Prints the app's peak RSS.

import { sql } from "drizzle-orm";
import { MailDev } from "maildev";

import { insertOrder } from "../../db/queries/orders";
import { firstVariantItem } from "../../lib/testing/catalog";
import { freePort } from "../../lib/testing/mail-catcher";
import { paymentWebhookBody, signedHeaders } from "../../lib/testing/webhook-fixtures";
import { peakRssMb } from "./app-memory";
import { freshBenchDatabase } from "./database";
import { httpClient } from "./http-client";
import { startNextServer } from "./next-server";
import { fmt, runConcurrent } from "./percentiles";
import { seedOrders } from "./seed-orders";

const PORT = 4799;
/** Concurrent senders, one row group each (BENCH_WEBHOOKS_LEVELS=1,10 for fewer). */
const LEVELS = (process.env.BENCH_WEBHOOKS_LEVELS ?? "1,10,50").split(",").map(Number);
const PER_ROW = Number(process.env.BENCH_WEBHOOKS_PER_LEVEL ?? 400);
/** Orders already in the table for the main rows, and for the growth row (BENCH_WEBHOOKS_GROWN=0 skips it). */
const BACKGROUND = 1_000;
const GROWN = Number(process.env.BENCH_WEBHOOKS_GROWN ?? 1_000_000);

const smtpPort = await freePort();
const catcher = new MailDev({
  smtp: smtpPort,
  ip: "127.0.0.1",
  web: await freePort(),
  webIp: "127.0.0.1",
  silent: true,
  mailDirectory: ".data/bench-maildev",
});
await catcher.start();

const { url, handle } = await freshBenchDatabase("storefront_bench");
const item = await firstVariantItem(handle.db);
const growthRows = GROWN > BACKGROUND ? 2 : 0;
/** Orders paid before anything is timed: the first payments load the apply path's modules and fill the pool. */
const WARM_UP = 20;
const targets = PER_ROW * (LEVELS.length + growthRows) + WARM_UP;
await seedOrders(handle.db, 1, BACKGROUND);
for (let i = 0; i < targets; i++) {
  await insertOrder(
    handle.db,
    {
      id: `KC-BENCH-${i}`,
      accessToken: `t${i}`,
      status: "awaiting_payment",
      subtotalPaise: item.unitPricePaise,
      totalPaise: item.unitPricePaise,
      customerName: "Bench",
      customerEmail: "bench@example.com",
      customerPhone: "9876543210",
      shippingLine1: "1 Road",
      shippingCity: "Pune",
      shippingState: "Maharashtra",
      shippingPincode: "411001",
      cfOrderId: String(i),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    [item],
  );
}

const server = await startNextServer(PORT, {
  DATABASE_URL: url,
  CASHFREE_ENV: "local",
  APP_URL: `http://localhost:${PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  BENCH_REFERENCE_ROUTES: "on",
});
// However the run ends (a failed delivery throws), the server it started ends with it.
process.once("exit", () => server.kill("SIGTERM"));
const amount = (item.unitPricePaise / 100).toFixed(2);
const bodies = Array.from({ length: targets }, (_, i) =>
  paymentWebhookBody({ orderId: `KC-BENCH-${i}`, cfPaymentId: `${900000 + i}`, status: "SUCCESS", amount }),
);
const keys = bodies.map(() => crypto.randomUUID());

const client = httpClient(`http://127.0.0.1:${PORT}`, Math.max(...LEVELS));

async function deliver(path: string, i: number, expect: string) {
  const headers = Object.fromEntries(signedHeaders(bodies[i]!, { idempotencyKey: keys[i] }));
  const response = await client.send("POST", `/api/webhooks/${path}`, headers, bodies[i]);
  const json = JSON.parse(response.text) as { status: string };
  if (json.status !== expect)
    throw new Error(`delivery ${i}: expected ${expect}, got ${response.status} ${json.status}`);
}

/**
 * Waits (at most two minutes) until the e-mails of the rows before have been sent, so each row's numbers hold
 * its own work: the outbox sends them after the responses, and would otherwise still be busy in the next row.
 */
async function outboxDrained() {
  for (let i = 0; i < 240; i++) {
    const result = await handle.db.execute(
      sql`select count(*)::int as n from outbox_jobs where status in ('pending', 'running') and run_after <= now()`,
    );
    if ((result as unknown as { rows: { n: number }[] }).rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What the applies after the answers did, for deliveries `from` … `from + count - 1`. */
interface Applies {
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * Waits (at most two minutes) until the row's events are applied, then reads, from the events' own timestamps,
 * how fast: applied per second from the first event stored to the last applied, and each event's time from
 * stored to applied (its wait in the queue included). Every one of the row's orders must have been paid.
 */
async function appliesOf(from: number, count: number): Promise<Applies> {
  const ids = Array.from({ length: count }, (_, i) => `KC-BENCH-${from + i}`);
  type Stats = { waiting: number; paid: number; span: number; p50: number; p99: number };
  let stats: Stats | undefined;
  for (let i = 0; i < 1200; i++) {
    const result = await handle.db.execute(sql`
      select count(*) filter (where e.outcome = 'received')::int as waiting,
             (select count(*)::int from orders where id in ${ids} and status = 'paid') as paid,
             extract(epoch from max(e.processed_at) - min(e.received_at))::float8 * 1000 as span,
             percentile_cont(0.5) within group (order by extract(epoch from e.processed_at - e.received_at)) * 1000 as p50,
             percentile_cont(0.99) within group (order by extract(epoch from e.processed_at - e.received_at)) * 1000 as p99
      from webhook_events e where e.order_id in ${ids}`);
    stats = (result as unknown as { rows: Stats[] }).rows[0]!;
    if (stats.waiting === 0 && stats.paid === count) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!stats || stats.paid !== count)
    throw new Error(`deliveries ${from}…: ${stats?.paid ?? 0} of ${count} orders paid`);
  return { perSecond: (count / stats.span) * 1000, p50: stats.p50, p99: stats.p99 };
}

type Run = Awaited<ReturnType<typeof runConcurrent>>;
const rows: { concurrency: number; name: string; run: Run; reference?: Run; applies?: Applies }[] = [];

// Warm both routes (first load of each handler, the connection pool) before anything is timed.
await runConcurrent(50, 5, (i) => deliver("verify-only", i, "verified"));
await runConcurrent(WARM_UP, 2, (i) => deliver("cashfree", targets - WARM_UP + i, "received"));

for (const [level, concurrency] of LEVELS.entries()) {
  const offset = level * PER_ROW;
  await outboxDrained();
  const reference = await runConcurrent(PER_ROW, concurrency, (i) => deliver("verify-only", offset + i, "verified"));
  const fresh = await runConcurrent(PER_ROW, concurrency, (i) => deliver("cashfree", offset + i, "received"));
  const applies = await appliesOf(offset, PER_ROW);
  await outboxDrained();
  // The reference again, right before the duplicates: after hundreds of payments the server's heap is not what
  // it was, and each ratio compares rows run side by side.
  const referenceAgain = await runConcurrent(PER_ROW, concurrency, (i) =>
    deliver("verify-only", offset + i, "verified"),
  );
  const dupes = await runConcurrent(PER_ROW, concurrency, (i) => deliver("cashfree", offset + i, "duplicate"));
  rows.push({ concurrency, name: "reference: verify only", run: reference });
  rows.push({ concurrency, name: "new payment", run: fresh, reference, applies });
  rows.push({ concurrency, name: "reference again, after the payments", run: referenceAgain });
  rows.push({ concurrency, name: "duplicate", run: dupes, reference: referenceAgain });
}
const peakMb = peakRssMb(server.pid!);

console.log(
  `\nSigned webhooks → next start → PostgreSQL (order e-mails on, to MailDev), ${PER_ROW} deliveries per row, ${BACKGROUND.toLocaleString("en-US")} orders in the table besides the ${targets.toLocaleString("en-US")} the deliveries pay (${new Date().toISOString()})\n`,
);
console.log("| senders | delivery | req/s | × reference | p50 | p99 | applied/s | stored → applied p50 | p99 |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const { concurrency, name, run, reference, applies } of rows) {
  const ratio = reference ? `${(run.perSecond / reference.perSecond).toFixed(2)}×` : "1.00×";
  const applied = applies ? `${applies.perSecond.toFixed(0)} | ${fmt(applies.p50)} | ${fmt(applies.p99)}` : " | |";
  console.log(
    `| ${concurrency} | ${name} | ${run.perSecond.toFixed(0)} | ${ratio} | ${fmt(run.p50)} | ${fmt(run.p99)} | ${applied} |`,
  );
}
console.log(
  "| goal | new payment | | ≥ 0.5× at 10 | ≤ 3 ms at 1 | ≤ 50 ms | | | |\n| goal | duplicate | | ≥ 0.8× | | | | | |",
);
console.log(`\nApp peak RSS: ${peakMb} MB over these rows (goal < 400 MB).`);

// Growth: the same one-sender run with 1,000 and then 1,000,000 orders in the table.
let growth: { small: Run; grown: Run; smallApplies: Applies; grownApplies: Applies; seedSeconds: number } | undefined;
if (growthRows) {
  await outboxDrained();
  const smallFrom = LEVELS.length * PER_ROW;
  const small = await runConcurrent(PER_ROW, 1, (i) => deliver("cashfree", smallFrom + i, "received"));
  const smallApplies = await appliesOf(smallFrom, PER_ROW);
  const started = performance.now();
  await seedOrders(handle.db, BACKGROUND + 1, GROWN);
  const seedSeconds = (performance.now() - started) / 1000;
  await outboxDrained();
  const grownFrom = (LEVELS.length + 1) * PER_ROW;
  const grown = await runConcurrent(PER_ROW, 1, (i) => deliver("cashfree", grownFrom + i, "received"));
  const grownApplies = await appliesOf(grownFrom, PER_ROW);
  growth = { small, grown, smallApplies, grownApplies, seedSeconds };
}
const finalPeakMb = peakRssMb(server.pid!);
client.close();
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
await handle.close();
await catcher.stop();

if (growth) {
  const { small, grown, smallApplies, grownApplies, seedSeconds } = growth;
  console.log(`\nGrowth: one sender, new payments, ${PER_ROW} deliveries (seeding took ${seedSeconds.toFixed(0)} s)\n`);
  console.log(
    "| orders in the table | answer p50 | p99 | × p50 at 1,000 | stored → applied p50 | p99 | × p50 at 1,000 |",
  );
  console.log("|---|---|---|---|---|---|---|");
  console.log(
    `| ${BACKGROUND.toLocaleString("en-US")} | ${fmt(small.p50)} | ${fmt(small.p99)} | 1.00× | ${fmt(smallApplies.p50)} | ${fmt(smallApplies.p99)} | 1.00× |`,
  );
  console.log(
    `| ${GROWN.toLocaleString("en-US")} | ${fmt(grown.p50)} | ${fmt(grown.p99)} | ${(grown.p50 / small.p50).toFixed(2)}× | ${fmt(grownApplies.p50)} | ${fmt(grownApplies.p99)} | ${(grownApplies.p50 / smallApplies.p50).toFixed(2)}× |`,
  );
  console.log("| goal | | | ≤ 1.2× | | | ≤ 1.2× |");
  console.log(`\nApp peak RSS: ${finalPeakMb} MB at the end.`);
}
