import { type Browser, expect, type Page, test } from "@playwright/test";

import { requireRedis, TEST_REDIS_URL } from "../../lib/testing/redis";
import { buyChai, buyProduct, payByCard } from "../helpers";
import { type Cluster, MAIL_API_URL, SANDBOX_URL, SHOP_URL, startCluster } from "./cluster";
import { type InstanceName, pinCookies } from "./proxy";

// The shop as two `next start` instances of one build on one PostgreSQL, behind a round-robin load balancer:
// what one instance changes, the other must show; what both receive, happens once.
// E2E_INSTANCES_SHARED_CACHE=off starts them without Redis (each with its own page cache), to see what fails.
const DATABASE_URL = process.env.DATABASE_URL;
const SHARED_CACHE = process.env.E2E_INSTANCES_SHARED_CACHE !== "off";

test.skip(
  !DATABASE_URL,
  "several instances share one real PostgreSQL (PGlite belongs to one process): set DATABASE_URL",
);
test.describe.configure({ mode: "serial" });

let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (SHARED_CACHE && !(await requireRedis()))
    test.skip(true, `the shared page cache needs Redis at ${TEST_REDIS_URL}`);
  cluster = await startCluster({ databaseServerUrl: DATABASE_URL!, sharedCache: SHARED_CACHE });
});
test.afterAll(async () => cluster?.stop());

let logMarks: Map<string, number> | undefined;
test.beforeEach(() => {
  logMarks = cluster.logMarks();
});
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || !logMarks) return;
  // The list reporter prints a text attachment with the failure, so the cause is in CI's output.
  await testInfo.attach("server logs", { body: cluster.logsSince(logMarks), contentType: "text/plain" });
});

/** A shopper whose every request to the shop the load balancer sends to one instance. */
async function shopperAt(browser: Browser, instance: InstanceName, clientAddress?: string) {
  const context = await browser.newContext();
  await context.addCookies(pinCookies(SHOP_URL, instance, clientAddress));
  return context.newPage();
}

const stockBadge = (page: Page) =>
  page
    .getByRole("main")
    .getByText(/^(In stock|Only a few left|Sold out)$/)
    .first();

async function query<T>(sql: string, params: unknown[] = []) {
  return (await cluster.database.query(sql, params)).rows as T[];
}

/** The order's fulfilment as the database has it: each of these happens once per paid order. */
async function fulfilment(orderId: string) {
  const [order] = await query<{ status: string; stock_state: string }>(
    "select status, stock_state from orders where id = $1",
    [orderId],
  );
  const events = await query<{ type: string }>("select type from order_events where order_id = $1", [orderId]);
  const sent = await query<{ template: string }>(
    "select template from email_deliveries where order_id = $1 and status = 'sent'",
    [orderId],
  );
  return {
    ...order,
    paidEvents: events.filter((event) => event.type === "status_paid").length,
    confirmationsSent: sent.filter((delivery) => delivery.template === "order_confirmed").length,
  };
}

async function confirmationEmails(orderId: string) {
  const inbox = (await (await fetch(`${MAIL_API_URL}/api/email`)).json()) as { subject: string }[];
  return inbox.filter((email) => email.subject.startsWith(`Order ${orderId} confirmed`)).length;
}

/** Checks out one Masala Chai and stops on the sandbox's payment page; answers the order id. */
async function openOrder(page: Page) {
  await buyChai(page);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(page).toHaveURL(`${SANDBOX_URL}/pg/view/sessions/checkout`);
  return (await page.getByRole("heading", { name: /^Order KC-/ }).textContent())!.replace("Order ", "");
}

test("a stock change made through instance A shows as Sold out on instance B's cached product page", async ({
  browser,
}) => {
  const b = await shopperAt(browser, "b");
  await b.goto("/products/copper-water-bottle");
  await expect(stockBadge(b)).toHaveText("Only a few left");

  // A shopper on instance A checks out the last three: the order holds them.
  const a = await shopperAt(browser, "a");
  await buyProduct(a, "copper-water-bottle", 3);
  await a.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(a).toHaveURL(`${SANDBOX_URL}/pg/view/sessions/checkout`);

  const after = await b.reload();
  expect(after!.headers()["x-served-by"]).toBe("b");
  await expect(stockBadge(b)).toHaveText("Sold out");
});

// Pages render per request (each carries its CSP nonce); what they share is the product data they read, cached
// under its tags. A row changed behind the shop's back (no invalidation) shows whose cache B read.
test("product data one instance read is served from the shared cache by the other", async ({ browser }) => {
  const a = await shopperAt(browser, "a");
  const readAt = Date.now();
  const first = await a.goto("/products/brass-masala-dabba");
  expect(first!.headers()["x-served-by"]).toBe("a");
  await expect(a.getByRole("heading", { level: 1, name: "Brass Masala Dabba" })).toBeVisible();
  // A's read is written to Redis after its response: B must not come before it.
  await cluster.untilCached("Brass Masala Dabba", readAt);
  await query("update products set name = 'Renamed Behind The Cache' where slug = 'brass-masala-dabba'");
  try {
    const b = await shopperAt(browser, "b");
    const second = await b.goto("/products/brass-masala-dabba");
    expect(second!.headers()["x-served-by"]).toBe("b");
    await expect(b.getByRole("heading", { level: 1, name: "Brass Masala Dabba" })).toBeVisible();
  } finally {
    await query("update products set name = 'Brass Masala Dabba' where slug = 'brass-masala-dabba'");
  }
});

test("a payment whose webhook reaches B and whose return page is A's is fulfilled once", async ({ browser }) => {
  cluster.proxy.pin("/api/webhooks/", "b");
  try {
    const a = await shopperAt(browser, "a");
    const orderId = await openOrder(a);
    const since = Date.now();
    await payByCard(a, "SUCCESS");
    await expect(a).toHaveURL(new RegExp(`/orders/${orderId}\\?token=`));
    await expect(a.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");

    // Both ways in were taken: the webhook by B, the shopper's return by A.
    await expect
      .poll(() => cluster.proxy.requests(since, "/api/webhooks/cashfree").map((r) => `${r.instance} ${r.status}`))
      .toContain("b 200");
    const returns = cluster.proxy.requests(since, `/orders/${orderId}`).map((r) => r.instance);
    expect(new Set(returns)).toEqual(new Set(["a"]));

    await expect.poll(() => fulfilment(orderId), { timeout: 15_000 }).toMatchObject({ confirmationsSent: 1 });
    expect(await fulfilment(orderId)).toEqual({
      status: "paid",
      stock_state: "committed",
      paidEvents: 1,
      confirmationsSent: 1,
    });
    expect(await confirmationEmails(orderId)).toBe(1);
  } finally {
    cluster.proxy.unpin("/api/webhooks/");
  }
});

test("50 copies of a payment's webhook, spread over both instances: one fulfilment, one e-mail", async ({
  browser,
}) => {
  const orderId = await openOrder(await shopperAt(browser, "a"));
  const faults = (init: RequestInit) =>
    fetch(`${SANDBOX_URL}/_sandbox/faults`, { headers: { "content-type": "application/json" }, ...init });
  // The sandbox sends each webhook 50 times at once; the load balancer deals them out in turn.
  await faults({ method: "POST", body: JSON.stringify({ webhooks: { duplicate: 49 } }) });
  const since = Date.now();
  try {
    await fetch(`${SANDBOX_URL}/_sandbox/orders/${orderId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "SUCCESS" }),
    });
    await expect
      .poll(() => cluster.proxy.requests(since, "/api/webhooks/cashfree").length, { timeout: 20_000 })
      .toBe(50);
  } finally {
    await faults({ method: "DELETE" });
  }
  const deliveries = cluster.proxy.requests(since, "/api/webhooks/cashfree");
  // Every copy answered is acknowledged (a copy the sandbox gave up waiting for, on a busy machine, has none).
  await expect.poll(() => deliveries.filter((d) => d.status !== 200 && d.status !== 0)).toEqual([]);
  for (const instance of ["a", "b"])
    expect(deliveries.filter((d) => d.instance === instance).length).toBeGreaterThan(20);

  await expect.poll(() => fulfilment(orderId), { timeout: 15_000 }).toMatchObject({ confirmationsSent: 1 });
  expect(await fulfilment(orderId)).toEqual({
    status: "paid",
    stock_state: "committed",
    paidEvents: 1,
    confirmationsSent: 1,
  });
  expect(await confirmationEmails(orderId)).toBe(1);
});

test("rate limits count the requests to both instances together", async ({ browser }) => {
  /** Asks find-my-order for a link, each time on a freshly loaded page; answers whether it was let through. */
  const ask = async (page: Page, email: string) => {
    await page.goto("/orders/find");
    await page.getByLabel("E-mail used for the order").fill(email);
    await page.getByLabel("Order number").fill("KC-000000-NOSUCHID");
    await page.getByRole("button", { name: "E-mail me the link" }).click();
    const answer = page.getByRole("form", { name: "Find my order" }).getByRole("status");
    await expect(answer).not.toBeEmpty();
    return !/too many/i.test((await answer.textContent()) ?? "");
  };
  /** How many requests one shopper (one address, one e-mail) gets through, taking turns over `pages`. */
  const allowance = async (pages: Page[], email: string) => {
    for (let sent = 0; sent < 12; sent++) if (!(await ask(pages[sent % pages.length]!, email))) return sent;
    return Infinity;
  };

  // Shoppers of their own (address and e-mail) this run, whatever a shared counter store kept from earlier ones.
  const octet = () => Math.floor(Math.random() * 256);
  const [first, second] = [`198.18.${octet()}.${octet()}`, `198.19.${octet()}.${octet()}`];
  // What one instance allows a shopper (whatever the limits are), and then what both together allow another.
  const alone = await allowance([await shopperAt(browser, "a", first)], `alone-${Date.now()}@example.com`);
  expect(alone).toBeGreaterThan(0);
  expect(alone).toBeLessThan(Infinity);
  const spread = [await shopperAt(browser, "a", second), await shopperAt(browser, "b", second)];
  expect(await allowance(spread, `spread-${Date.now()}@example.com`)).toBe(alone);
});

test("Redis going away leaves every page up on both instances, rendered from the database", async ({
  browser,
  request,
}) => {
  test.skip(!SHARED_CACHE, "runs with the shared cache only");
  await cluster.redis("down");
  try {
    for (const instance of ["a", "b"] as const) {
      const page = await shopperAt(browser, instance);
      const started = Date.now();
      const response = await page.goto("/products/cast-iron-tawa");
      expect(response!.status()).toBe(200);
      expect(response!.headers()["x-served-by"]).toBe(instance);
      await expect(page.getByRole("heading", { level: 1, name: "Cast Iron Tawa, 10 inch" })).toBeVisible();
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  } finally {
    await cluster.redis("up");
  }
  // Back: what A reads is cached (and shared) again. A name changed behind the cache shows where B read from.
  const from = (instance: "a" | "b") =>
    request.get("/products/cast-iron-tawa", { headers: { "x-e2e-instance": instance } });
  await expect.poll(async () => (await from("a")).status(), { timeout: 15_000 }).toBe(200);
  await query("update products set name = 'Renamed Behind The Cache' where slug = 'cast-iron-tawa'");
  try {
    await expect
      .poll(async () => (await (await from("b")).text()).includes("Cast Iron Tawa, 10 inch"), { timeout: 15_000 })
      .toBe(true);
  } finally {
    await query("update products set name = 'Cast Iron Tawa, 10 inch' where slug = 'cast-iron-tawa'");
  }
});
