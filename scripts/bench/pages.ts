// `npm run bench:pages`: throughput and latency of shop pages (autocannon against `next start` on PostgreSQL),
// each beside the same build's references: /robots.txt, a route prerendered at build time (the static page), and
// the lightest page rendered per request with the same layout (a policy page). Every HTML page renders per
// request, because its Content-Security-Policy nonce must be new each time (README: Security headers); the
// product and category data come from the data cache, so the rows measure rendering, not the database.
import autocannon from "autocannon";

import { peakRssMb } from "./app-memory";
import { freshBenchDatabase } from "./database";
import { startNextServer } from "./next-server";
import { fmt } from "./percentiles";

const PORT = 4796;
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 10);
const LEVELS = [1, 10];
const PAGES = [
  ["reference: static route (/robots.txt, prerendered)", "/robots.txt"],
  ["reference: lightest page (policy, per request)", "/policies/shipping"],
  ["product page", "/products/brass-masala-dabba"],
  ["product page, a variant", "/products/coorg-filter-coffee?variant=COORG-500-WB"],
  ["category page", "/categories/tea-and-coffee"],
  ["home", "/"],
] as const;

const { url, handle } = await freshBenchDatabase("storefront_bench_pages");
await handle.close();
const server = await startNextServer(PORT, {
  DATABASE_URL: url,
  CASHFREE_ENV: "local",
  APP_URL: `http://localhost:${PORT}`,
});

async function load(path: string, connections: number, duration: number) {
  const result = await autocannon({ url: `http://127.0.0.1:${PORT}${path}`, connections, duration });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const rows: string[][] = [];
let peakMb = 0;
try {
  // Warm every route and its data cache, as a visitor after deploy would find them.
  for (const [, path] of PAGES) await load(path, 1, 1);
  for (const connections of LEVELS) {
    let reference = 0;
    let lightest = 0;
    for (const [name, path] of PAGES) {
      const run = await load(path, connections, SECONDS);
      if (path === "/robots.txt") reference = run.perSecond;
      if (path.startsWith("/policies/")) lightest = run.perSecond;
      rows.push([
        String(connections),
        name,
        run.perSecond.toFixed(0),
        `${(run.perSecond / reference).toFixed(2)}×`,
        lightest ? `${(run.perSecond / lightest).toFixed(2)}×` : "",
        fmt(run.p50),
        fmt(run.p99),
      ]);
    }
  }
} finally {
  peakMb = peakRssMb(server.pid!);
  server.kill("SIGTERM");
}

console.log(`\nShop pages → next start → PostgreSQL, autocannon ${SECONDS} s per row (${new Date().toISOString()})\n`);
console.log("| connections | page | req/s | × static route | × lightest page | p50 | p99 |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log("| goal | product and category pages | | ≥ 0.8× | | | |");
console.log(`\nApp peak RSS: ${peakMb} MB.`);
