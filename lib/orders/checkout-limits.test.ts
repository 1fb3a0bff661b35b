import { randomUUID } from "node:crypto";

import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addCartItem, createCart } from "@/db/queries/cart";
import { orders } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { CustomerDetails } from "@/lib/checkout-schema";
import { computeTotals } from "@/lib/pricing";
import { LIMITS } from "@/lib/rate-limit/limits";
import { setVariantStock, soleVariant, variantStock } from "@/lib/testing/catalog";
import { type RunningSandbox, startSandbox } from "@/sandbox/server";

// The checkout action's service (checkout: rate limits, then placeOrder) on real PostgreSQL and the local
// sandbox: 200 attempts in a minute from one client hold no more stock than its limits allow.
const postgres = await requirePostgres();

let database: TestDatabase;
let sandbox: RunningSandbox;
let checkout: typeof import("./place-order").checkout;

const customer = (email: string): CustomerDetails => ({
  name: "Asha Rao",
  email,
  phone: "9876543210",
  line1: "12 MG Road",
  line2: undefined,
  city: "Bengaluru",
  state: "Karnataka",
  pincode: "560001",
});

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

const heldOrders = (cartIds: string[]) =>
  database.db
    .select()
    .from(orders)
    .where(and(inArray(orders.cartId, cartIds), inArray(orders.status, ["pending", "awaiting_payment"])));

describe.skipIf(!postgres)("checkout rate limits (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    sandbox = await startSandbox({ port: 0, webhookUrl: null });
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String(sandbox.port);
    ({ checkout } = await import("./place-order"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await sandbox?.close();
  });

  it("200 attempts from one client, each on a fresh cart, open at most checkoutPerAddress orders", async () => {
    const bottle = await soleVariant(database.db, "copper-water-bottle");
    await setVariantStock(database.db, bottle.id, 1_000);
    const carts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const cartId = await createCart(database.db);
      await addCartItem(database.db, cartId, bottle.id, 1, 10);
      carts.push(cartId);
    }
    const expectedTotalPaise = computeTotals([{ unitPricePaise: bottle.pricePaise, quantity: 1 }]).totalPaise;
    const started = Date.now();
    const results = await pool(200, 8, (i) =>
      checkout(
        {
          cartId: carts[i]!,
          customer: customer("bot@example.com"),
          checkoutAttemptId: randomUUID(),
          expectedTotalPaise,
        },
        "203.0.113.66",
      ),
    );
    expect(Date.now() - started).toBeLessThan(60_000);

    const { points } = LIMITS.checkoutPerAddress;
    expect(results.filter((r) => r.ok)).toHaveLength(points);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(200 - points);
    expect(refused.every((r) => !r.ok && r.code === "rate_limited")).toBe(true);
    expect(refused[0]).toMatchObject({
      message: expect.stringMatching(/^Too many checkout attempts\. Please try again in \d+ minutes\.$/),
    });
    // Stock held: one unit per let-through order, nothing for the refused ones; Cashfree saw only those orders.
    expect(await heldOrders(carts)).toHaveLength(points);
    expect(await variantStock(database.db, bottle.id)).toBe(1_000 - points);
    expect(Object.keys(sandbox.engine.state.orders)).toHaveLength(points);
    // Another shopper, on another address, checks out as usual.
    const other = await createCart(database.db);
    await addCartItem(database.db, other, bottle.id, 1, 10);
    expect(
      await checkout(
        { cartId: other, customer: customer("asha@example.com"), checkoutAttemptId: randomUUID(), expectedTotalPaise },
        "198.51.100.20",
      ),
    ).toMatchObject({ ok: true });
  });

  it("200 changed checkouts of one cart write at most checkoutPerCart orders, holding one cart's stock", async () => {
    const dabba = await soleVariant(database.db, "brass-masala-dabba");
    const stockBefore = dabba.stock;
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, dabba.id, 2, 10);
    const expectedTotalPaise = computeTotals([{ unitPricePaise: dabba.pricePaise, quantity: 2 }]).totalPaise;
    // Other details each time, so each attempt that gets through replaces the cart's open order.
    const results = await pool(200, 8, (i) =>
      checkout(
        { cartId, customer: customer(`shopper${i}@example.com`), checkoutAttemptId: randomUUID(), expectedTotalPaise },
        "203.0.113.77",
      ),
    );
    const { points } = LIMITS.checkoutPerCart;
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(200 - points);
    const written = await database.db.select().from(orders).where(eq(orders.cartId, cartId));
    expect(written.length).toBeLessThanOrEqual(points);
    expect(await heldOrders([cartId])).toHaveLength(1);
    expect(await variantStock(database.db, dabba.id)).toBe(stockBefore - 2);
  });

  it("without a client address (no trusted proxy) still limits each cart", async () => {
    const journal = await soleVariant(database.db, "handmade-paper-journal");
    const cartId = await createCart(database.db);
    await addCartItem(database.db, cartId, journal.id, 1, 10);
    const expectedTotalPaise = computeTotals([{ unitPricePaise: journal.pricePaise, quantity: 1 }]).totalPaise;
    const results = [];
    for (let i = 0; i <= LIMITS.checkoutPerCart.points; i++)
      results.push(
        await checkout(
          { cartId, customer: customer("asha@example.com"), checkoutAttemptId: randomUUID(), expectedTotalPaise },
          null,
        ),
      );
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
  });
});
