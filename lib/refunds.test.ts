import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orders, products } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { orderWithCardAttempt, startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

// Real PostgreSQL and the local sandbox: refunds reserve under the order's row lock, then go to Cashfree.
const postgres = await requirePostgres();

let database: TestDatabase;
let t: TestSandbox;
let issueRefund: typeof import("./refunds").issueRefund;
let refundAuthorityOf: typeof import("./refunds").refundAuthorityOf;
let insertOrder: typeof import("@/db/queries/orders").insertOrder;

const STAFF: Admin = {
  id: "staff-1",
  email: "staff@kaveri.local",
  name: "Staff",
  role: "staff",
  refundLimitPaise: 500_000,
};
const OWNER: Admin = {
  id: "owner-1",
  email: "owner@kaveri.local",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};

/** An order paid at the sandbox and recorded as paid here, for `totalPaise`. */
async function paidOrder(totalPaise: number) {
  const paid = await orderWithCardAttempt(t, { order_amount: totalPaise / 100 });
  await t.api("POST", "/simulate", {
    entity: "PAYMENTS",
    entity_id: paid.cfPaymentId,
    entity_simulation: { payment_status: "SUCCESS" },
  });
  const [product] = await database.db.select().from(products).limit(1);
  await insertOrder(
    database.db,
    {
      id: paid.orderId,
      accessToken: `token-${paid.orderId}`,
      status: "paid",
      stockState: "committed",
      subtotalPaise: totalPaise,
      totalPaise,
      customerName: "Asha Rao",
      customerEmail: "asha@example.com",
      customerPhone: "9876543210",
      shippingLine1: "12 MG Road",
      shippingCity: "Bengaluru",
      shippingState: "Karnataka",
      shippingPincode: "560001",
      paidCfPaymentId: paid.cfPaymentId,
      expiresAt: new Date(Date.now() + 60_000),
    },
    [
      {
        productId: product!.id,
        productName: product!.name,
        unitPricePaise: totalPaise,
        quantity: 1,
        lineTotalPaise: totalPaise,
      },
    ],
  );
  return paid.orderId;
}

const refunded = async (orderId: string) =>
  (await database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.refundedPaise;

describe.skipIf(!postgres)("refunds (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 10 });
    await seedCatalog(database.db);
    t = await startTestSandbox({ webhookUrl: null });
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String(t.sandbox.port);
    ({ issueRefund, refundAuthorityOf } = await import("./refunds"));
    ({ insertOrder } = await import("@/db/queries/orders"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
  });

  // Review defect 5: the staff limit applied per refund, so ₹5,000 and then ₹3,397 on one ₹8,397 order both went through.
  it("holds staff to their limit per order in total, while an owner may refund the rest", async () => {
    const orderId = await paidOrder(839_700);
    expect(
      await issueRefund(refundAuthorityOf(STAFF), {
        orderId,
        amountPaise: 500_000,
        reason: "Damaged in transit",
        refundKey: crypto.randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await issueRefund(refundAuthorityOf(STAFF), {
        orderId,
        amountPaise: 339_700,
        reason: "The rest of it",
        refundKey: crypto.randomUUID(),
      }),
    ).toEqual({
      ok: false,
      error:
        "Staff can refund up to ₹5,000.00 of an order in total. ₹5,000.00 of this order is already refunded. Ask an owner.",
    });
    expect(await refunded(orderId)).toBe(500_000);
    expect(
      await issueRefund(refundAuthorityOf(OWNER), {
        orderId,
        amountPaise: 339_700,
        reason: "The rest of it",
        refundKey: crypto.randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    expect(await refunded(orderId)).toBe(839_700);
  });

  it("refuses a single staff refund above the limit", async () => {
    const orderId = await paidOrder(839_700);
    expect(
      await issueRefund(refundAuthorityOf(STAFF), {
        orderId,
        amountPaise: 500_100,
        reason: "Too much",
        refundKey: crypto.randomUUID(),
      }),
    ).toEqual({
      ok: false,
      error: "Staff can refund up to ₹5,000.00 of an order in total. Ask an owner.",
    });
    expect(await refunded(orderId)).toBe(0);
  });
});
