import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orderEvents, orders } from "@/db/schema";
import { setVariantStock, soleVariant, variantStock } from "@/lib/testing/catalog";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { CashfreePayment } from "@/lib/cashfree/schemas";

import type { CashfreeObservation } from "./settle";

const postgres = await requirePostgres();
let database: TestDatabase;
let settleOrder: typeof import("./settle").settleOrder;
let insertOrder: typeof import("@/db/queries/orders").insertOrder;
let variant: Awaited<ReturnType<typeof soleVariant>>;
let n = 0;

async function newOrder() {
  const id = `KC-SETTLE-${++n}`;
  await setVariantStock(database.db, variant.id, 1000);
  await insertOrder(
    database.db,
    {
      id,
      accessToken: `t-${id}`,
      status: "awaiting_payment",
      subtotalPaise: 34_900,
      totalPaise: 34_900,
      customerName: "Asha Rao",
      customerEmail: "asha@example.com",
      customerPhone: "9876543210",
      shippingLine1: "12 MG Road",
      shippingCity: "Bengaluru",
      shippingState: "Karnataka",
      shippingPincode: "560001",
      cfOrderId: "555",
      expiresAt: new Date(Date.now() + 60_000),
    },
    [
      {
        productId: variant.productId,
        variantId: variant.id,
        sku: variant.sku,
        productName: "Kulhad",
        hsnCode: "6912",
        gstRateBps: 500,
        unitPricePaise: 34_900,
        quantity: 1,
        lineTotalPaise: 34_900,
      },
    ],
  );
  return id;
}

const success = (orderId: string): CashfreePayment => ({
  cfPaymentId: `cf-${orderId}`,
  orderId,
  status: "SUCCESS",
  amountPaise: 34_900,
  currency: "INR",
  message: "Transaction Success",
  group: "upi",
  method: null,
  time: new Date(),
  bankReference: "123",
  error: null,
});

const fromWebhook = (orderId: string): CashfreeObservation => ({
  orderId,
  source: "webhook",
  orderAmountPaise: 34_900,
  orderCurrency: "INR",
  payments: [success(orderId)],
});
const fromGetOrder = (orderId: string, source: "return_page" | "reconcile"): CashfreeObservation => ({
  orderId,
  source,
  orderStatus: "PAID",
  orderAmountPaise: 34_900,
  orderCurrency: "INR",
  cfOrderId: "555",
  payments: [success(orderId)],
});

describe.skipIf(!postgres)("settleOrder on real PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    ({ settleOrder } = await import("./settle"));
    ({ insertOrder } = await import("@/db/queries/orders"));
    variant = await soleVariant(database.db, "terracotta-kulhad-set");
  });
  afterAll(async () => database?.close());

  it("fulfils exactly once when webhook, return page and reconciliation confirm at the same instant (100 orders)", async () => {
    for (let i = 0; i < 100; i++) {
      const id = await newOrder();
      const results = await Promise.all([
        settleOrder(database.db, fromWebhook(id)),
        settleOrder(database.db, fromGetOrder(id, "return_page")),
        settleOrder(database.db, fromGetOrder(id, "reconcile")),
      ]);
      expect(results.filter((r) => r.fulfilled)).toHaveLength(1);
      const paid = (await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, id))).filter(
        (e) => e.toStatus === "paid",
      );
      expect(paid).toHaveLength(1);
    }
  });

  it("releases an expired order's stock exactly once, however many times expiry is observed", async () => {
    const id = await newOrder();
    const before = await variantStock(database.db, variant.id);
    const expiry: CashfreeObservation = { orderId: id, source: "reconcile", orderStatus: "EXPIRED", payments: [] };
    await Promise.all(Array.from({ length: 10 }, () => settleOrder(database.db, expiry)));
    const after = await variantStock(database.db, variant.id);
    expect(after).toBe(before + 1);
    expect((await database.db.select().from(orders).where(eq(orders.id, id)))[0]).toMatchObject({
      status: "expired",
      stockState: "released",
    });
  });

  it("never regresses a paid order when Cashfree later reports expiry or termination", async () => {
    const id = await newOrder();
    await settleOrder(database.db, fromWebhook(id));
    await settleOrder(database.db, { orderId: id, source: "reconcile", orderStatus: "EXPIRED", payments: [] });
    await settleOrder(database.db, { orderId: id, source: "reconcile", orderStatus: "TERMINATED", payments: [] });
    expect((await database.db.select().from(orders).where(eq(orders.id, id)))[0]).toMatchObject({
      status: "paid",
      stockState: "committed",
    });
  });
});
