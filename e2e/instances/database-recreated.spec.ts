import { type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { seedProducts, seedVariantsOf } from "../../db/seed-data";
import { requireRedis, TEST_REDIS_URL } from "../../lib/testing/redis";
import { freshPostgresDatabase } from "../fresh-database";
import { fillCheckout, payByCard } from "../helpers";
import { freshPageCache } from "../page-cache";
import { INSTANCES_DATABASE_NAME, INSTANCES_PORTS } from "../ports";
import { instanceFolder, SANDBOX_URL, start, stop, untilAnswering, WORK_DIR } from "./cluster";

// One `npm start` server whose database is recreated under it (issue 26): product data is cached for as long as nothing
// invalidates it, on disk under .next or in Redis, which both outlive the database. After the database is made
// again (other product and variant ids) and the server started on the same .next, every product must still be
// sold, not answered "This product is no longer sold." from the old database's cached ids.
const APP_PORT = INSTANCES_PORTS.apps.a;
const APP_URL = `http://localhost:${APP_PORT}`;
const DATABASE_URL = process.env.DATABASE_URL;
const DATABASE_NAME = `${INSTANCES_DATABASE_NAME}_recreated`;

test.use({ baseURL: APP_URL });

let sandbox: ChildProcess;
test.beforeAll(async () => {
  mkdirSync(WORK_DIR, { recursive: true });
  const log = path.join(WORK_DIR, "recreated-sandbox.log");
  sandbox = start(["--import", "tsx", "sandbox/main.ts"], {
    cwd: process.cwd(),
    log,
    env: {
      CASHFREE_SANDBOX_PORT: String(INSTANCES_PORTS.sandbox),
      CASHFREE_SANDBOX_CONTROL: "1",
      CASHFREE_SANDBOX_WEBHOOK_URL: `${APP_URL}/api/webhooks/cashfree`,
    },
  });
  await untilAnswering(`${SANDBOX_URL}/js/v3/cashfree.js`, sandbox, log);
});
test.afterAll(async () => sandbox && stop(sandbox));

/** The same build in the same folder each time: its .next/cache is what the previous run left. */
async function startShop(cwd: string, env: Record<string, string>) {
  const log = path.join(WORK_DIR, "recreated-app.log");
  const server = start([path.resolve("scripts/server.mjs"), "-p", String(APP_PORT)], {
    cwd,
    log,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      CASHFREE_ENV: "local",
      CASHFREE_SANDBOX_PORT: String(INSTANCES_PORTS.sandbox),
      APP_URL,
      AUTH_URL: APP_URL,
      AUTH_SECRET: "e2e-recreated-auth-secret-0123456789abcdef",
      // A production server needs a token key of its own (the committed local one is refused there).
      CASHFREE_TOKEN_ENCRYPTION_KEYS: "Qm9vRXlq8cT3vW6rZp1sN0aHfK4dLuYxGiJ7oEbSnMc=",
      CRON_SECRET: "e2e-recreated-cron-secret",
      ORDER_EMAILS: "off",
      ...env,
    },
  });
  await untilAnswering(`http://127.0.0.1:${APP_PORT}/api/health`, server, log);
  return server;
}

/** Opens every product page: what they read is now in the cache. */
async function browseEveryProduct(page: Page) {
  for (const product of seedProducts) {
    await page.goto(`/products/${product.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
  }
}

/** Puts every product that is not sold out in the cart, checks out and pays: answers how many were added. */
async function buyEveryProduct(page: Page) {
  let added = 0;
  for (const product of seedProducts) {
    await page.goto(`/products/${product.slug}`);
    const add = page.getByRole("button", { name: "Add to cart" });
    if ((await add.count()) === 0) continue; // sold out as seeded
    await add.click();
    const refused = page.getByText("This product is no longer sold.");
    await expect(page.getByRole("link", { name: "View cart" }).or(refused)).toBeVisible();
    await expect(refused, `${product.slug}: refused as no longer sold`).toHaveCount(0);
    added += 1;
  }
  await fillCheckout(page);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(page).toHaveURL(`${SANDBOX_URL}/pg/view/sessions/checkout`);
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  return added;
}

/** Products with anything left to sell, as seeded: each must be added to the cart. */
const sellable = seedProducts.filter((product) => seedVariantsOf(product).some((variant) => variant.stock > 0)).length;

test("PGlite deleted and made again under the same .next: every product is still sold", async ({ browser }) => {
  test.setTimeout(240_000);
  const cwd = instanceFolder("a");
  // The shop's own default, relative to its folder: the server migrates and seeds an empty one itself.
  const env = { DATABASE_URL: "", REDIS_URL: "", PGLITE_DIR: ".data/pglite" };
  let server = await startShop(cwd, env);
  try {
    await browseEveryProduct(await browser.newPage());
    await stop(server);
    rmSync(path.join(cwd, ".data/pglite"), { recursive: true, force: true });
    server = await startShop(cwd, env);
    const shopper = await (await browser.newContext()).newPage();
    expect(await buyEveryProduct(shopper)).toBe(sellable);
  } finally {
    await stop(server);
  }
});

test("PostgreSQL dropped and created again, the shared Redis cache kept: every product is still sold", async ({
  browser,
}) => {
  test.skip(!DATABASE_URL, "set DATABASE_URL to a PostgreSQL server");
  test.skip(!(await requireRedis()), `the shared page cache needs Redis at ${TEST_REDIS_URL}`);
  test.setTimeout(240_000);
  const cwd = instanceFolder("b");
  const cache = await freshPageCache(`e2e-recreated-${APP_PORT}`, TEST_REDIS_URL);
  const env = { ...cache, REDIS_URL: TEST_REDIS_URL, DATABASE_URL: "" };
  env.DATABASE_URL = await freshPostgresDatabase(DATABASE_URL!, DATABASE_NAME);
  let server = await startShop(cwd, env);
  try {
    await browseEveryProduct(await browser.newPage());
    await stop(server);
    env.DATABASE_URL = await freshPostgresDatabase(DATABASE_URL!, DATABASE_NAME);
    server = await startShop(cwd, env);
    const shopper = await (await browser.newContext()).newPage();
    expect(await buyEveryProduct(shopper)).toBe(sellable);
  } finally {
    await stop(server);
  }
});
