// `npm run bench:webhooks`: signed Cashfree webhooks against the production build on real PostgreSQL.
// Each delivery pays a distinct order (a real transition: inbox insert, row lock, stock commit, events);
// a second run replays the same deliveries (duplicates). Prints throughput and p50/p99 per concurrency level,
// with order e-mails off and on (each paid order then leaves a confirmation job, sent to a real MailDev after
// the response), side by side from one run.
import { createServer } from "node:net";

import { MailDev } from "maildev";

import { insertOrder } from "../../db/queries/orders";
import { firstVariantItem } from "../../lib/testing/catalog";
import { paymentWebhookBody, signedHeaders } from "../../lib/testing/webhook-fixtures";
import { freshBenchDatabase } from "./database";
import { startNextServer } from "./next-server";
import { fmt, runConcurrent } from "./percentiles";

const PORT = 4799;
const LEVELS = [1, 10, 50];
const PER_LEVEL = Number(process.env.BENCH_WEBHOOKS_PER_LEVEL ?? 400);

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function bench(emails: "on" | "off") {
  const smtpPort = await freePort();
  const catcher = new MailDev({
    smtp: smtpPort,
    ip: "127.0.0.1",
    web: await freePort(),
    webIp: "127.0.0.1",
    silent: true,
    mailDirectory: ".data/bench-maildev",
  });
  if (emails === "on") await catcher.start();
  const { url, handle } = await freshBenchDatabase("storefront_bench");
  const item = await firstVariantItem(handle.db);
  const total = PER_LEVEL * LEVELS.length;
  for (let i = 0; i < total; i++) {
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
  await handle.close();

  const server = await startNextServer(PORT, {
    DATABASE_URL: url,
    CASHFREE_ENV: "local",
    APP_URL: `http://localhost:${PORT}`,
    ORDER_EMAILS: emails,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  });
  const amount = (item.unitPricePaise / 100).toFixed(2);
  const bodies = Array.from({ length: total }, (_, i) =>
    paymentWebhookBody({ orderId: `KC-BENCH-${i}`, cfPaymentId: `${900000 + i}`, status: "SUCCESS", amount }),
  );
  const keys = bodies.map(() => crypto.randomUUID());

  async function deliver(i: number, expect: string) {
    const response = await fetch(`http://127.0.0.1:${PORT}/api/webhooks/cashfree`, {
      method: "POST",
      body: bodies[i],
      headers: signedHeaders(bodies[i]!, { idempotencyKey: keys[i] }),
    });
    const json = (await response.json()) as { status: string };
    if (json.status !== expect)
      throw new Error(`delivery ${i}: expected ${expect}, got ${response.status} ${json.status}`);
  }

  // Warm up the route (first compile of the handler, connection pool).
  await fetch(`http://127.0.0.1:${PORT}/api/webhooks/cashfree`, { method: "POST", body: "{}" });

  const rows: string[][] = [];
  try {
    for (const [level, concurrency] of LEVELS.entries()) {
      const offset = level * PER_LEVEL;
      const fresh = await runConcurrent(PER_LEVEL, concurrency, (i) => deliver(offset + i, "applied"));
      const dupes = await runConcurrent(PER_LEVEL, concurrency, (i) => deliver(offset + i, "duplicate"));
      rows.push([
        emails,
        String(concurrency),
        "new payment",
        fresh.perSecond.toFixed(0),
        fmt(fresh.p50),
        fmt(fresh.p99),
      ]);
      rows.push([emails, String(concurrency), "duplicate", dupes.perSecond.toFixed(0), fmt(dupes.p50), fmt(dupes.p99)]);
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    if (emails === "on") await catcher.stop();
  }
  return rows;
}

const off = await bench("off");
const on = await bench("on");
console.log(
  `\nSigned webhooks → next start → PostgreSQL, ${PER_LEVEL} deliveries per row, order e-mails off and on (${new Date().toISOString()})\n`,
);
console.log(
  "| concurrency | delivery | req/s (e-mails off) | p50 off | p99 off | req/s (e-mails on) | p50 on | p99 on |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const [i, row] of off.entries()) {
  const other = on[i]!;
  console.log(
    `| ${row[1]} | ${row[2]} | ${row[3]} | ${row[4]} | ${row[5]} | ${other[3]} | ${other[4]} | ${other[5]} |`,
  );
}
