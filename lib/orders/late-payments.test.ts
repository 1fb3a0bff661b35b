import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { setSettingValue } from "@/db/queries/settings";
import { orders, refunds } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { parseWebhook } from "@/lib/cashfree/webhook-events";
import { firstVariantItem, setVariantStock } from "@/lib/testing/catalog";
import { insertTestOrder, orderAtSandbox } from "@/lib/testing/orders";
import { documentedOfferSuccessWebhook } from "@/lib/testing/webhook-fixtures";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

// The store's automatic refund of a late payment, against real PostgreSQL and the local Cashfree sandbox over HTTP.
const postgres = await requirePostgres();

// The outbox never runs by itself here: the test runs the late-payment refund itself.
vi.mock("@/lib/outbox/worker", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/outbox/worker")>()),
  kickOutbox: () => {},
}));

let database: TestDatabase;
let t: TestSandbox;
let lib: {
  refundLatePayment: typeof import("./late-payments").refundLatePayment;
  settleOrder: typeof import("./settle").settleOrder;
};

describe.skipIf(!postgres)("the late-payment refund (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 5 });
    await seedCatalog(database.db);
    await setSettingValue(database.db, "auto_refund_late_payments", true);
    t = await startTestSandbox({ webhookUrl: null });
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CASHFREE_ENV: "local",
      CASHFREE_SANDBOX_PORT: String(t.sandbox.port),
    });
    const [late, settle] = await Promise.all([import("./late-payments"), import("./settle")]);
    lib = { refundLatePayment: late.refundLatePayment, settleOrder: settle.settleOrder };
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
  });

  it("refunds what the shopper paid of an offer payment after expiry, not the discount too", async () => {
    const { orderId } = await orderAtSandbox(t, 200, { paid: true });
    await insertTestOrder(database.db, orderId, 200, { status: "expired", stockState: "released", cfOrderId: "1" });
    await setVariantStock(database.db, (await firstVariantItem(database.db)).variantId, 0);
    // Cashfree's documented offer payment (₹1 paid, ₹1 discount), arriving after the order expired and sold out.
    const raw = documentedOfferSuccessWebhook(orderId);
    const event = parseWebhook("pg", JSON.parse(raw), raw);
    if (event.kind !== "payment") throw new Error(`read as ${event.kind}`);
    await lib.settleOrder(database.db, {
      orderId,
      source: "webhook",
      orderAmountPaise: event.orderAmountPaise,
      orderCurrency: event.orderCurrency,
      payments: [event.payment],
    });
    expect((await database.db.select().from(orders).where(eq(orders.id, orderId)))[0]).toMatchObject({
      status: "needs_review",
      attentionReason: "late_payment_no_stock",
      offerDiscountPaise: 100,
    });

    await lib.refundLatePayment(orderId);
    const [refund] = await database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(refund).toMatchObject({ amountPaise: 100 });
  });
});
