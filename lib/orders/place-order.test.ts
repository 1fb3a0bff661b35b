import { randomUUID } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addCartItem, createCart } from "@/db/queries/cart";
import { orders } from "@/db/schema";
import { soleVariant } from "@/lib/testing/catalog";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { CustomerDetails } from "@/lib/checkout-schema";
import { computeTotals } from "@/lib/pricing";
import { type RunningSandbox, startSandbox } from "@/sandbox/server";

// Real PostgreSQL and the real local sandbox over HTTP: concurrent checkouts race on real connections.
const postgres = await requirePostgres();

let database: TestDatabase;
let sandbox: RunningSandbox;
let toSandbox: Server;

/**
 * The shop reaches the sandbox through this pass-through proxy, which can hold the next Create Order until the
 * test lets it go: a Create Order still in flight while another checkout of the cart runs.
 */
const createOrderHold: { armed: boolean; held?: () => void; arrived?: () => void } = { armed: false };
function startPassThrough(port: number) {
  const server = createServer((incoming, answer) => {
    const forward = () =>
      incoming.pipe(
        request({ port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (reply) => {
          answer.writeHead(reply.statusCode!, reply.headers);
          reply.pipe(answer);
        }),
      );
    if (createOrderHold.armed && incoming.method === "POST" && incoming.url === "/pg/orders") {
      createOrderHold.armed = false;
      createOrderHold.held = forward;
      createOrderHold.arrived?.();
      return;
    }
    forward();
  });
  return new Promise<Server>((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
let placeOrder: typeof import("./place-order").placeOrder;

const customer = (email = "asha@example.com"): CustomerDetails => ({
  name: "Asha Rao",
  email,
  phone: "9876543210",
  line1: "12 MG Road",
  line2: undefined,
  city: "Bengaluru",
  state: "Karnataka",
  pincode: "560001",
});

const product = (slug: string) => soleVariant(database.db, slug);

const openOrders = (cartId: string) =>
  database.db
    .select()
    .from(orders)
    .where(and(eq(orders.cartId, cartId), inArray(orders.status, ["pending", "awaiting_payment"])));

/** Runs `count` tasks, `concurrency` at a time. */
async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe.skipIf(!postgres)("one open order per cart (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    sandbox = await startSandbox({ port: 0, webhookUrl: null });
    toSandbox = await startPassThrough(sandbox.port);
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String((toSandbox.address() as AddressInfo).port);
    ({ placeOrder } = await import("./place-order"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await sandbox?.close();
    toSandbox?.close();
  });

  // Review defect 1: 200 checkouts of one cart with fresh attempt ids made 120 orders and held all the stock.
  it("holds at most the cart's quantity under 200 concurrent checkouts of one cart", async () => {
    const tawa = await product("cast-iron-tawa");
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, tawa.id, 2, 10);
    const results = await pool(200, 4, () =>
      placeOrder({
        cartId,
        customer: customer(),
        checkoutAttemptId: randomUUID(),
        expectedTotalPaise: 2 * tawa.pricePaise,
      }),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.orderId : null))).size).toBe(1);
    expect(await openOrders(cartId)).toHaveLength(1);
    expect((await product("cast-iron-tawa")).stock).toBe(tawa.stock - 2);
  });

  it("replaces the open order when the shopper changes their details, giving its stock back", async () => {
    const dabba = await product("brass-masala-dabba");
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, dabba.id, 3, 10);
    const results = await pool(40, 4, (i) =>
      placeOrder({
        cartId,
        customer: customer(`shopper${i}@example.com`),
        checkoutAttemptId: randomUUID(),
        expectedTotalPaise: 3 * dabba.pricePaise,
      }),
    );

    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    const open = await openOrders(cartId);
    expect(open).toHaveLength(1);
    expect((await product("brass-masala-dabba")).stock).toBe(dabba.stock - 3);
    // The replaced orders are closed here and at Cashfree, so none of them can take a payment on its own.
    const replaced = await database.db
      .select()
      .from(orders)
      .where(and(eq(orders.cartId, cartId), eq(orders.status, "cancelled")));
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced.every((o) => o.stockState === "released")).toBe(true);
    const atCashfree = replaced.map((o) => sandbox.engine.state.orders[o.id]).filter((o) => !!o);
    expect(atCashfree.length).toBeGreaterThan(0);
    expect(atCashfree.every((o) => o.status === "TERMINATED")).toBe(true);
  });

  // A replacing checkout's terminate came before Cashfree had the replaced order (404, nothing done), and the
  // replaced order's Create Order then landed: a live session for a cancelled order.
  it("terminates a replaced order at Cashfree even when its Create Order lands after the replacing checkout", async () => {
    const tawa = await product("cast-iron-tawa");
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, tawa.id, 1, 10);
    const input = (email: string) => ({
      cartId,
      customer: customer(email),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise: computeTotals([{ unitPricePaise: tawa.pricePaise, quantity: 1 }]).totalPaise,
    });
    const arrived = new Promise<void>((resolve) => (createOrderHold.arrived = resolve));
    createOrderHold.armed = true;
    const first = placeOrder(input("first@example.com"));
    await arrived;
    const second = await placeOrder(input("second@example.com"));
    expect(second.ok).toBe(true);
    createOrderHold.held!();
    await first;

    const [replaced] = await database.db
      .select()
      .from(orders)
      .where(and(eq(orders.cartId, cartId), eq(orders.status, "cancelled")));
    expect(sandbox.engine.state.orders[replaced!.id]?.status).toBe("TERMINATED");
  });

  // Review defect 8: an attempt id reused by another cart answered HTTP 500.
  it("answers a checkout attempt id taken by another cart with a sentence", async () => {
    const kulhad = await product("terracotta-kulhad-set");
    const [first, second] = [await createCart(database.db), await createCart(database.db)];
    for (const cartId of [first, second]) await addCartItem(database.db, cartId, kulhad.id, 1, 10);
    const checkoutAttemptId = randomUUID();
    const expectedTotalPaise = computeTotals([{ unitPricePaise: kulhad.pricePaise, quantity: 1 }]).totalPaise;
    expect(
      await placeOrder({ cartId: first, customer: customer(), checkoutAttemptId, expectedTotalPaise }),
    ).toMatchObject({ ok: true });
    expect(await placeOrder({ cartId: second, customer: customer(), checkoutAttemptId, expectedTotalPaise })).toEqual({
      ok: false,
      code: "order_closed",
      message: "This checkout form has expired. Please reload the page.",
    });
    expect(await openOrders(second)).toHaveLength(0);
  });

  it("writes the GST inside the total and the business buyer on the order, priced for its place of supply", async () => {
    const [dabba, journal] = [await product("brass-masala-dabba"), await product("handmade-paper-journal")];
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, dabba.id, 1, 10);
    await addCartItem(database.db, cartId, journal.id, 1, 10);
    const expectedTotalPaise = dabba.pricePaise + journal.pricePaise;
    const result = await placeOrder({
      cartId,
      customer: { ...customer(), businessGstin: "27AAPFU0939F1ZV", businessName: "Unnati Traders LLP" },
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise,
    });
    expect(result.ok).toBe(true);
    const [order] = await openOrders(cartId);
    // Delivered to Karnataka, billed to a Maharashtra GSTIN: IGST, 5% of ₹1,499 and 18% of ₹549 inside the total.
    expect(order).toMatchObject({
      placeOfSupply: "Maharashtra",
      buyerGstin: "27AAPFU0939F1ZV",
      buyerBusinessName: "Unnati Traders LLP",
      totalPaise: expectedTotalPaise,
      taxPaise: 7_138 + 8_375,
    });
  });

  // The stock hold rides in the order's insert statement, one CASE for every line: each variant loses its own
  // quantity, and a line that cannot be met takes nothing from the others.
  it("holds each line's own quantity of a two-line cart, and nothing when one line is short", async () => {
    const [bottle, towels] = [await product("copper-water-bottle"), await product("khadi-kitchen-towels")];
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, bottle.id, 2, 10);
    await addCartItem(database.db, cartId, towels.id, 3, 10);
    const lines = [
      { unitPricePaise: bottle.pricePaise, quantity: 2 },
      { unitPricePaise: towels.pricePaise, quantity: 3 },
    ];
    const placed = await placeOrder({
      cartId,
      customer: customer(),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise: computeTotals(lines).totalPaise,
    });
    expect(placed.ok).toBe(true);
    expect((await product("copper-water-bottle")).stock).toBe(bottle.stock - 2);
    expect((await product("khadi-kitchen-towels")).stock).toBe(towels.stock - 3);

    const short = await createCart(database.db);
    await addCartItem(database.db, short, bottle.id, 1, 10);
    await addCartItem(database.db, short, towels.id, 1, 10);
    await database.db.execute(sql`update product_variants set stock = 0 where id = ${towels.id}`);
    const refused = await placeOrder({
      cartId: short,
      customer: customer(),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise: computeTotals([
        { unitPricePaise: bottle.pricePaise, quantity: 1 },
        { unitPricePaise: towels.pricePaise, quantity: 1 },
      ]).totalPaise,
    });
    expect(refused).toMatchObject({ ok: false, code: "stock_changed" });
    expect((await product("copper-water-bottle")).stock).toBe(bottle.stock - 2);
    expect(await openOrders(short)).toHaveLength(0);
  });

  it("refuses while the Cashfree connection is unlinked, before any order or stock hold; resumes once linked", async () => {
    const { getConnection, saveLinkedConnection, setConnectionStatus } =
      await import("@/db/queries/cashfree-connections");
    const kulhad = await product("terracotta-kulhad-set");
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, kulhad.id, 1, 10);
    const expectedTotalPaise = computeTotals([{ unitPricePaise: kulhad.pricePaise, quantity: 1 }]).totalPaise;
    await saveLinkedConnection(database.db, {
      merchantId: "CFLOCAL0001",
      environment: "local",
      connectedBy: "test",
      accessTokenCipher: "x.y.z",
      refreshTokenCipher: "x.y.z",
      accessExpiresAt: new Date(Date.now() + 3_600_000),
      refreshExpiresAt: new Date(Date.now() + 3_600_000),
    });
    await setConnectionStatus(database.db, "unlinked", "test unlink");
    const stockBefore = (await product("terracotta-kulhad-set")).stock;
    const refused = await placeOrder({
      cartId,
      customer: customer(),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise,
    });
    expect(refused).toMatchObject({ ok: false, code: "payments_paused", message: expect.stringMatching(/paused/) });
    expect(await database.db.select().from(orders).where(eq(orders.cartId, cartId))).toHaveLength(0);
    expect((await product("terracotta-kulhad-set")).stock).toBe(stockBefore);

    // Linked again, but this server's token keys open neither stored token (issue 26): paused as well, with the
    // same message, and the connection row is left exactly as it was for the right key to use.
    await saveLinkedConnection(database.db, {
      merchantId: "CFLOCAL0001",
      environment: "local",
      connectedBy: "test",
      accessTokenCipher: "x.y.z",
      refreshTokenCipher: "x.y.z",
      accessExpiresAt: new Date(Date.now() + 3_600_000),
      refreshExpiresAt: new Date(Date.now() + 3_600_000),
    });
    const linked = await getConnection(database.db);
    const unopenable = await placeOrder({
      cartId,
      customer: customer(),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise,
    });
    expect(unopenable).toEqual(refused);
    expect(await getConnection(database.db)).toEqual(linked);
    expect(await database.db.select().from(orders).where(eq(orders.cartId, cartId))).toHaveLength(0);

    // The owner disconnects (API keys again): checkout works.
    await setConnectionStatus(database.db, "disconnected", "test");
    const placed = await placeOrder({
      cartId,
      customer: customer(),
      checkoutAttemptId: randomUUID(),
      expectedTotalPaise,
    });
    expect(placed.ok).toBe(true);
  });
});
