import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { orderEvents, orderItems, orders, outboxJobs, refunds } from "@/db/schema";
import { variantStock } from "@/lib/testing/catalog";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { paymentWebhookBody, signedHeaders } from "@/lib/testing/webhook-fixtures";
import { paidTestOrder } from "@/lib/testing/orders";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";

// Order commands racing each other on real PostgreSQL connections, with the local sandbox as Cashfree.
const postgres = await requirePostgres();

let database: TestDatabase;
let t: TestSandbox;
let lib: {
  markFulfilment: typeof import("@/lib/admin/order-operations").markFulfilment;
  cancelPaidOrder: typeof import("@/lib/admin/order-operations").cancelPaidOrder;
  issueRefund: typeof import("@/lib/refunds").issueRefund;
  refundAuthorityOf: typeof import("@/lib/refunds").refundAuthorityOf;
};

const OWNER: Admin = {
  id: "owner-1",
  email: "owner@kaveri.local",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};
const owner = () => lib.refundAuthorityOf(OWNER);

const paidOrder = (totalPaise: number) => paidTestOrder(database.db, t, totalPaise);

const orderRow = async (id: string) => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
/** Refunds that still count against the order: everything but those that ended FAILED or CANCELLED. */
const liveRefundTotal = async (id: string) => {
  const [row] = await database.db
    .select({ n: sql<number>`coalesce(sum(${refunds.amountPaise}), 0)::int` })
    .from(refunds)
    .where(sql`${refunds.orderId} = ${id} and ${refunds.status} not in ('FAILED', 'CANCELLED')`);
  return row!.n;
};

function refundWebhook(orderId: string, refundId: string, amount: string, status: string) {
  return `{"data":{"refund":{"cf_refund_id":"77${Date.now()}","cf_payment_id":"1","refund_id":"${refundId}","order_id":"${orderId}","refund_amount":${amount},"refund_currency":"INR","refund_status":"${status}","refund_type":"MERCHANT_INITIATED","status_description":"Bank rejected the refund"}},"event_time":"2026-12-02T12:00:00+05:30","type":"REFUND_STATUS_WEBHOOK"}`;
}

describe.skipIf(!postgres)("order commands under concurrency (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 25 });
    await seedCatalog(database.db);
    t = await startTestSandbox({ webhookUrl: null });
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String(t.sandbox.port);
    const [operations, refundsModule] = await Promise.all([
      import("@/lib/admin/order-operations"),
      import("@/lib/refunds"),
    ]);
    lib = {
      markFulfilment: operations.markFulfilment,
      cancelPaidOrder: operations.cancelPaidOrder,
      issueRefund: refundsModule.issueRefund,
      refundAuthorityOf: refundsModule.refundAuthorityOf,
    };
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
  });

  it("ships an order once when 20 merchants press Mark as shipped at the same moment", async () => {
    const orderId = await paidOrder(150_000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        lib.markFulfilment(OWNER, orderId, "shipped", { courier: "Delhivery", trackingNumber: "AWB123456" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "This order is shipped.")).toBe(true);
    const shipped = (await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter(
      (e) => e.type === "order_shipped",
    );
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.detail).toMatchObject({ by: OWNER.email, courier: "Delhivery", trackingNumber: "AWB123456" });
    expect((await orderRow(orderId)).fulfillmentStatus).toBe("shipped");
  });

  it("accepts one of two concurrent partial refunds whose sum exceeds the payment, and refuses the other clearly", async () => {
    const orderId = await paidOrder(100_000);
    const [a, b] = await Promise.all([
      lib.issueRefund(owner(), { orderId, amountPaise: 60_000, reason: "Broken lid", refundKey: crypto.randomUUID() }),
      lib.issueRefund(owner(), {
        orderId,
        amountPaise: 70_000,
        reason: "Wrong colour",
        refundKey: crypto.randomUUID(),
      }),
    ]);
    const accepted = [a, b].filter((r) => r.ok);
    const refused = [a, b].filter((r) => !r.ok);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Only ₹[34]00\.00 of this order can still be refunded\.$/),
    });
    const order = await orderRow(orderId);
    expect([60_000, 70_000]).toContain(order.refundedPaise);
    expect(order.refundedPaise).toBe(await liveRefundTotal(orderId));
  });

  // A refund Cashfree answers with SUCCESS at once used to be marked SUCCESS beside the order writer: no timeline
  // entry, no completion e-mail, no credit note, and the webhook that followed found nothing left to do.
  it("records a refund Cashfree completes at once through the order writer, as its webhook would", async () => {
    const orderId = await paidOrder(100_000);
    const { cashfree } = await import("@/lib/cashfree");
    const createRefund = vi.spyOn(cashfree, "createRefund").mockImplementationOnce(async (request) => ({
      cfRefundId: "991",
      cfPaymentId: "1",
      refundId: request.refundId,
      orderId: request.orderId,
      amountPaise: request.amountPaise,
      status: "SUCCESS",
      description: "Refund processed",
    }));
    try {
      const result = await lib.issueRefund(owner(), {
        orderId,
        amountPaise: 25_000,
        reason: "Instant refund",
        refundKey: crypto.randomUUID(),
      });
      expect(result).toMatchObject({ ok: true, status: "SUCCESS" });
      const refundId = result.ok ? result.refundId : "";
      const [refund] = await database.db.select().from(refunds).where(eq(refunds.refundId, refundId));
      expect(refund).toMatchObject({ status: "SUCCESS", cfRefundId: "991" });
      const events = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
      expect(events.filter((e) => e.type === "refund_success")).toHaveLength(1);
      const jobs = await database.db.select().from(outboxJobs).where(eq(outboxJobs.orderId, orderId));
      expect(jobs.map((job) => job.key)).toContain(`email:refund_completed:${refundId}`);
    } finally {
      createRefund.mockRestore();
    }
  });

  it("keeps totals consistent when a refund races a late webhook saying an earlier refund failed", async () => {
    const orderId = await paidOrder(100_000);
    const first = await lib.issueRefund(owner(), {
      orderId,
      amountPaise: 30_000,
      reason: "First try",
      refundKey: crypto.randomUUID(),
    });
    expect(first).toMatchObject({ ok: true });
    const refundId = first.ok ? first.refundId : "";
    const body = refundWebhook(orderId, refundId, "300.00", "FAILED");
    const [second, hook] = await Promise.all([
      lib.issueRefund(owner(), { orderId, amountPaise: 70_000, reason: "The rest", refundKey: crypto.randomUUID() }),
      deliverWebhook({ rawBody: body, headers: signedHeaders(body), remoteAddress: "127.0.0.1" }),
    ]);
    expect(hook).toMatchObject({ status: 200, body: { status: "received" } });
    expect(second).toMatchObject({ ok: true });
    const order = await orderRow(orderId);
    expect(order.refundedPaise).toBe(70_000);
    expect(order.refundedPaise).toBe(await liveRefundTotal(orderId));
    // The same failure delivered again gives nothing back twice.
    const again = refundWebhook(orderId, refundId, "300.00", "FAILED");
    await deliverWebhook({ rawBody: again, headers: signedHeaders(again), remoteAddress: "127.0.0.1" });
    expect((await orderRow(orderId)).refundedPaise).toBe(70_000);
  });

  it("cancels a paid, unshipped order: refunded in full, stock back, and a late duplicate webhook changes nothing", async () => {
    const orderId = await paidOrder(120_000);
    const [item] = await database.db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
    const stockBefore = await variantStock(database.db, item!.variantId);
    expect(await lib.cancelPaidOrder(OWNER, orderId)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Order cancelled\. Refund of ₹1,200\.00/),
    });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({
      status: "paid",
      fulfillmentStatus: "cancelled",
      stockState: "released",
      refundedPaise: 120_000,
    });
    expect(await variantStock(database.db, item!.variantId)).toBe(stockBefore + 1);
    // It cannot be cancelled twice, nor shipped afterwards.
    expect(await lib.cancelPaidOrder(OWNER, orderId)).toMatchObject({ ok: false });
    expect(
      await lib.markFulfilment(OWNER, orderId, "shipped", { courier: "Delhivery", trackingNumber: "AWB123456" }),
    ).toMatchObject({ ok: false });
    const body = paymentWebhookBody({
      orderId,
      cfPaymentId: order.paidCfPaymentId!,
      status: "SUCCESS",
      amount: "1200.00",
    });
    await deliverWebhook({ rawBody: body, headers: signedHeaders(body), remoteAddress: "127.0.0.1" });
    expect(await orderRow(orderId)).toMatchObject({
      status: "paid",
      fulfillmentStatus: "cancelled",
      stockState: "released",
    });
  });
});
