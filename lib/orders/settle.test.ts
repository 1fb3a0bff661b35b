import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orderEvents, orders, outboxJobs } from "@/db/schema";
import { setVariantStock, soleVariant, variantStock } from "@/lib/testing/catalog";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { type CashfreePayment, paymentEntitySchema } from "@/lib/cashfree/schemas";
import { parseWebhook } from "@/lib/cashfree/webhook-events";
import { insertTestOrder } from "@/lib/testing/orders";
import {
  DOCUMENTED_OFFER,
  documentedFailedWebhook,
  documentedOfferSuccessWebhook,
} from "@/lib/testing/webhook-fixtures";

import type { CashfreeObservation } from "./observation";

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
  offers: [],
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

const withRedemption = (redemption: Record<string, unknown>) => ({
  ...DOCUMENTED_OFFER,
  offer_redemption: { ...DOCUMENTED_OFFER.offer_redemption, ...redemption },
});

/** Get Payments for an order: Cashfree's 2025 Get Payment sample, for our order, with `overrides`. */
function getPaymentsAnswer(orderId: string, overrides: Record<string, unknown>[]) {
  const sample = {
    auth_id: "749842",
    authorization: null,
    bank_reference: "519615460937",
    cf_payment_id: "4128924251",
    entity: "payment",
    error_details: null,
    international_payment: { international: false },
    is_captured: true,
    order_amount: 2,
    order_currency: "INR",
    order_id: orderId,
    payment_amount: 1,
    payment_completion_time: "2025-07-15T15:02:48+05:30",
    payment_currency: "INR",
    payment_group: "debit_card",
    payment_message: "Transaction Success",
    payment_method: { card: { card_network: "visa", card_number: "XXXXXXXXXXXX4738", card_type: "debit_card" } },
    payment_offers: [DOCUMENTED_OFFER],
    payment_status: "SUCCESS",
    payment_surcharge: null,
    payment_time: "2025-07-15T15:01:53+05:30",
  };
  const body = JSON.stringify(overrides.map((o, i) => ({ ...sample, cf_payment_id: `${orderId}-${i}`, ...o })));
  return paymentEntitySchema.array().parse(JSON.parse(body));
}

/** What reconcile, the return page and the admin's re-sync pass on from Get Order + Get Payments. */
const fromGetPayments = (orderId: string, payments: CashfreePayment[], orderStatus = "PAID"): CashfreeObservation => ({
  orderId,
  source: "reconcile",
  orderStatus,
  orderAmountPaise: 200,
  orderCurrency: "INR",
  cfOrderId: "555",
  payments,
});

/** An order for ₹2 that the shopper can still pay (Cashfree's order ACTIVE, with a session), as checkout leaves it. */
const openTwoRupeeOrder = (fields: Parameters<typeof insertTestOrder>[3] = {}) =>
  insertTestOrder(database.db, `KC-OFFER-${++n}-${Date.now()}`, 200, {
    cfOrderId: "555",
    cfOrderStatus: "ACTIVE",
    paymentSessionId: "session_test",
    ...fields,
  });

const orderRow = async (id: string) => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const emailJobs = async (id: string) =>
  (await database.db.select().from(outboxJobs).where(eq(outboxJobs.orderId, id)))
    .filter((j) => j.kind === "email")
    .map((j) => (j.payload as { template: string }).template)
    .sort();

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
  describe("a Cashfree offer", () => {
    it("pays the order when Get Payments shows Cashfree's documented offer (₹1 paid + ₹1 discount = ₹2), and records the offer", async () => {
      const id = await openTwoRupeeOrder();
      const result = await settleOrder(database.db, fromGetPayments(id, getPaymentsAnswer(id, [{}])));
      expect(result).toMatchObject({ to: "paid", fulfilled: true });
      expect(await orderRow(id)).toMatchObject({
        status: "paid",
        attentionReason: null,
        cfOfferId: "0f05e1d0-fbf8-4c9c-a1f0-814c7b2abdba",
        offerDiscountPaise: 100,
      });
      expect(await emailJobs(id)).toEqual(["order_confirmed"]);
    });

    it("pays the order from Cashfree's documented PAYMENT_SUCCESS webhook, offers beside the payment", async () => {
      const id = await openTwoRupeeOrder();
      const event = parseWebhook(
        "pg",
        JSON.parse(documentedOfferSuccessWebhook(id)),
        documentedOfferSuccessWebhook(id),
      );
      if (event.kind !== "payment") throw new Error(`read as ${event.kind}`);
      // As lib/webhooks/apply.ts passes a payment event on.
      await settleOrder(database.db, {
        orderId: event.orderId,
        source: "webhook",
        orderAmountPaise: event.orderAmountPaise,
        orderCurrency: event.orderCurrency,
        payments: [event.payment],
      });
      expect(await orderRow(id)).toMatchObject({ status: "paid", offerDiscountPaise: 100 });
    });

    it.each([
      ["a discount smaller than the shortfall", { payment_offers: [withRedemption({ discount_amount: 0.5 })] }],
      ["a redemption that did not succeed", { payment_offers: [withRedemption({ redemption_status: "FAILED" })] }],
      [
        "a cashback, which is paid out later",
        { payment_offers: [withRedemption({ discount_amount: 0, cashback_amount: 1 })] },
      ],
      ["no offer at all", { payment_offers: [] }],
      ["a discount that more than covers it", { payment_offers: [withRedemption({ discount_amount: 1.5 })] }],
      ["another currency", { payment_currency: "USD" }],
    ])("sends a payment with %s to review, without recording an offer", async (_, override) => {
      const id = await openTwoRupeeOrder();
      await settleOrder(database.db, fromGetPayments(id, getPaymentsAnswer(id, [override])));
      expect(await orderRow(id)).toMatchObject({
        status: "needs_review",
        attentionReason: "amount_mismatch",
        cfOfferId: null,
        offerDiscountPaise: null,
      });
      expect(await emailJobs(id)).toEqual(["payment_under_review"]);
    });
  });

  describe("the payment failed e-mail", () => {
    const failed = { payment_status: "FAILED", payment_message: "01::REJECTED", is_captured: false };

    it("is sent for a failed attempt on an order the shopper can still pay", async () => {
      const id = await openTwoRupeeOrder();
      await settleOrder(database.db, fromGetPayments(id, getPaymentsAnswer(id, [failed]), "ACTIVE"));
      expect((await orderRow(id)).status).toBe("awaiting_payment");
      expect(await emailJobs(id)).toEqual(["payment_failed"]);
    });

    it("is not sent when the same Get Payments answer holds the success that paid the order ([FAILED, SUCCESS])", async () => {
      const id = await openTwoRupeeOrder();
      await settleOrder(database.db, fromGetPayments(id, getPaymentsAnswer(id, [failed, {}])));
      expect((await orderRow(id)).status).toBe("paid");
      expect(await emailJobs(id)).toEqual(["order_confirmed"]);
    });

    it.each(["expired", "cancelled"] as const)(
      "is not sent for a late FAILED webhook on a %s order",
      async (status) => {
        const id = await openTwoRupeeOrder({ status, stockState: "released" });
        const event = parseWebhook("pg", JSON.parse(documentedFailedWebhook(id)), documentedFailedWebhook(id));
        if (event.kind !== "payment") throw new Error(`read as ${event.kind}`);
        await settleOrder(database.db, { orderId: id, source: "webhook", payments: [event.payment] });
        expect((await orderRow(id)).status).toBe(status);
        expect(await emailJobs(id)).toEqual([]);
      },
    );
  });
});
