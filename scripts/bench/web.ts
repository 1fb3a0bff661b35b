// `npm run bench:web`: Lighthouse (mobile preset, production build) for the home, category, product (one sold as one item, one in variants), search and cart pages:
// performance, accessibility and best-practices scores, plus the JavaScript each page loads first.
import { rmSync } from "node:fs";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

import { chromiumArgs, chromiumPath } from "../../e2e/chromium";
import { startSandbox } from "../../sandbox/server";
import { startNextServer } from "./next-server";

const PORT = 4797;
const SANDBOX_PORT = 8796;
const PGLITE_DIR = ".data/bench-web-pglite";
const PAGES = [
  ["home", "/"],
  ["category", "/categories/tea-and-coffee"],
  ["product", "/products/brass-masala-dabba"],
  ["product with variants", "/products/coorg-filter-coffee?variant=COORG-500-WB"],
  ["search (typo)", "/search?q=masala+chia"],
  ["cart", "/cart"],
] as const;

rmSync(PGLITE_DIR, { recursive: true, force: true });
const sandbox = await startSandbox({ port: SANDBOX_PORT });
const server = await startNextServer(PORT, {
  PGLITE_DIR,
  CASHFREE_ENV: "local",
  CASHFREE_SANDBOX_PORT: String(SANDBOX_PORT),
  APP_URL: `http://localhost:${PORT}`,
});
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: [...chromiumArgs, "--headless=new"],
});

type NetworkItem = { resourceType?: string; transferSize?: number; resourceSize?: number };
const rows: string[][] = [];
try {
  for (const [name, path] of PAGES) {
    const url = `http://localhost:${PORT}${path}`;
    await fetch(url); // warm the route once, as a visitor after deploy would find it
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { categories, audits } = result.lhr;
    const scripts = (
      (audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []
    ).filter((item) => item.resourceType === "Script");
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
    const score = (key: string) => String(Math.round((categories[key]?.score ?? 0) * 100));
    rows.push([
      name,
      score("performance"),
      score("accessibility"),
      score("best-practices"),
      audits["largest-contentful-paint"]?.displayValue ?? "",
      audits["total-blocking-time"]?.displayValue ?? "",
      kb(scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0)),
      kb(scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0)),
    ]);
  }
} finally {
  chrome.kill();
  server.kill("SIGTERM");
  await sandbox.close();
}

console.log(
  `\nLighthouse (mobile preset, simulated throttling), next start, embedded database (${new Date().toISOString()})\n`,
);
console.log(
  "| page | performance | accessibility | best practices | LCP | TBT | first-load JS (transferred) | first-load JS (uncompressed) |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
