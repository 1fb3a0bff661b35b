import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addCartItem, createCart } from "@/db/queries/cart";
import { updateOrder } from "@/db/queries/orders";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { computeTotals } from "@/lib/pricing";
import { LIMITS } from "@/lib/rate-limit/limits";
import { soleVariant } from "@/lib/testing/catalog";
import { type RunningSandbox, startSandbox } from "@/sandbox/server";

// The order page's Get Order calls, counted by the local sandbox that receives them, on real PostgreSQL.
const postgres = await requirePostgres();

let database: TestDatabase;
let sandbox: RunningSandbox;
let confirmAndLoadOrder: typeof import("./confirm").confirmAndLoadOrder;
let placeOrder: typeof import("./place-order").placeOrder;

async function openOrder() {
  const journal = await soleVariant(database.db, "handmade-paper-journal");
  const cartId = await createCart(database.db);
  await addCartItem(database.db, cartId, journal.id, 1, 10);
  const placed = await placeOrder({
    cartId,
    customer: {
      name: "Asha Rao",
      email: "asha@example.com",
      phone: "9876543210",
      line1: "12 MG Road",
      line2: undefined,
      city: "Bengaluru",
      state: "Karnataka",
      pincode: "560001",
    },
    checkoutAttemptId: randomUUID(),
    expectedTotalPaise: computeTotals([{ unitPricePaise: journal.pricePaise, quantity: 1 }]).totalPaise,
  });
  if (!placed.ok) throw new Error(placed.message);
  return placed;
}

const getOrderCalls = (orderId: string) => sandbox.apiCalls.get(`GET /pg/orders/${orderId}`) ?? 0;

describe.skipIf(!postgres)("order page: Get Order calls are rate-limited (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    sandbox = await startSandbox({ port: 0, webhookUrl: null });
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String(sandbox.port);
    ({ confirmAndLoadOrder } = await import("./confirm"));
    ({ placeOrder } = await import("./place-order"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await sandbox?.close();
  });

  it("50 refreshes at once ask Cashfree at most orderConfirmPerOrder times, and all show the order", async () => {
    const { orderId, accessToken } = await openOrder();
    const views = await Promise.all(
      Array.from({ length: 50 }, () => confirmAndLoadOrder(orderId, accessToken, "203.0.113.30")),
    );
    expect(views.every((view) => view?.status === "awaiting_payment" && !view.confirmationDelayed)).toBe(true);
    expect(getOrderCalls(orderId)).toBeGreaterThan(0);
    expect(getOrderCalls(orderId)).toBeLessThanOrEqual(LIMITS.orderConfirmPerOrder.points);
  });

  it("50 refreshes spread past the page's own 3-second reuse: exactly the limit, then the stored state", async () => {
    const { orderId, accessToken } = await openOrder();
    for (let i = 0; i < 50; i++) {
      // As if the last answer were older than the page reuses (resumePayment clears it the same way).
      await updateOrder(database.db, orderId, { cfCheckedAt: null });
      const view = await confirmAndLoadOrder(orderId, accessToken, null);
      expect(view).toMatchObject({ status: "awaiting_payment", confirmationDelayed: false });
    }
    expect(getOrderCalls(orderId)).toBe(LIMITS.orderConfirmPerOrder.points);
  });

  it("counts a stranger's refreshes nowhere: a wrong token never reaches the limiter or Cashfree", async () => {
    const { orderId, accessToken } = await openOrder();
    for (let i = 0; i < 20; i++) expect(await confirmAndLoadOrder(orderId, "not-the-token", null)).toBeNull();
    expect(getOrderCalls(orderId)).toBe(0);
    expect(await confirmAndLoadOrder(orderId, accessToken, null)).toMatchObject({ status: "awaiting_payment" });
    expect(getOrderCalls(orderId)).toBe(1);
  });
});
