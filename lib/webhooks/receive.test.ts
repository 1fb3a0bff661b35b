import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { orderEvents, orders, outboxJobs, payments, webhookEvents, webhookRejections } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { soleVariant, variantStock } from "@/lib/testing/catalog";
import { insertTestOrder } from "@/lib/testing/orders";
import { documentedOfferSuccessWebhook, paymentWebhookBody, signedHeaders } from "@/lib/testing/webhook-fixtures";

// Real PostgreSQL: duplicates race on real connections, which PGlite (one connection) cannot show.
const postgres = await requirePostgres();

// A crash between claiming an event and applying it: the next apply of a payment waits here until released.
// `failOnce`: the next apply throws, as a lost connection or a bug mid-transaction would.
const crash = vi.hoisted(() => ({
  hold: null as null | { reached: () => void; released: Promise<void> },
  failOnce: false,
}));
vi.mock("@/lib/orders/observation", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/orders/observation")>();
  return {
    ...real,
    settleObservation: async (...args: Parameters<typeof real.settleObservation>) => {
      if (crash.failOnce) {
        crash.failOnce = false;
        throw new Error("connection lost mid-apply");
      }
      const hold = crash.hold;
      crash.hold = null;
      if (hold) {
        hold.reached();
        await hold.released;
      }
      return real.settleObservation(...args);
    },
  };
});

let database: TestDatabase;
let receive: typeof import("./receive").receiveCashfreeWebhook;
let webhooksApplied: typeof import("./apply-soon").webhooksApplied;
let runDueJobs: typeof import("@/lib/outbox/worker").runDueJobs;
let insertOrder: typeof import("@/db/queries/orders").insertOrder;
let variant: Awaited<ReturnType<typeof soleVariant>>;
let counter = 0;

async function placeOrder(
  options: { status?: "awaiting_payment" | "expired"; stockState?: "reserved" | "released"; quantity?: number } = {},
) {
  const id = `KC-TEST-${++counter}-${Date.now()}`;
  const quantity = options.quantity ?? 1;
  await insertOrder(
    database.db,
    {
      id,
      accessToken: `token-${id}`,
      status: options.status ?? "awaiting_payment",
      stockState: options.stockState ?? "reserved",
      subtotalPaise: 149_900 * quantity,
      totalPaise: 149_900 * quantity,
      customerName: "Asha Rao",
      customerEmail: "asha@example.com",
      customerPhone: "9876543210",
      shippingLine1: "12 MG Road",
      shippingCity: "Bengaluru",
      shippingState: "Karnataka",
      shippingPincode: "560001",
      cfOrderId: "1234567",
      expiresAt: new Date(Date.now() + 20 * 60_000),
    },
    [
      {
        productId: variant.productId,
        variantId: variant.id,
        sku: variant.sku,
        productName: "Brass Masala Dabba",
        hsnCode: "7418",
        gstRateBps: 500,
        unitPricePaise: 149_900,
        quantity,
        lineTotalPaise: 149_900 * quantity,
      },
    ],
  );
  return id;
}

/** One delivery's answer, once what it stored has been applied (the apply runs right after the answer). */
async function deliver(rawBody: string, headers = signedHeaders(rawBody)) {
  const answer = await receive({ rawBody, headers, remoteAddress: "127.0.0.1" });
  await webhooksApplied();
  return answer;
}
const storedEvents = (orderId: string) =>
  database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, orderId));
const applyJob = async (eventId: string) =>
  (
    await database.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.key, `apply_webhook:${eventId}`))
  )[0]!;
/** Time passes until the apply job is due, and a worker runs it. */
async function runApplyJob(eventId: string) {
  const job = await applyJob(eventId);
  await database.db.update(outboxJobs).set({ runAfter: new Date() }).where(eq(outboxJobs.id, job.id));
  return runDueJobs({ onlyIds: [job.id] });
}
const orderRow = async (id: string) => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const events = (id: string) => database.db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
const stock = () => variantStock(database.db, variant.id);

describe.skipIf(!postgres)("Cashfree webhooks on real PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    ({ receiveCashfreeWebhook: receive } = await import("./receive"));
    ({ webhooksApplied } = await import("./apply-soon"));
    ({ runDueJobs } = await import("@/lib/outbox/worker"));
    ({ insertOrder } = await import("@/db/queries/orders"));
    variant = await soleVariant(database.db, "brass-masala-dabba");
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("applies a signed success: paid, stock committed, fulfilled once", async () => {
    const id = await placeOrder();
    const result = await deliver(
      paymentWebhookBody({ orderId: id, cfPaymentId: "9001", status: "SUCCESS", amount: "1499.00" }),
    );
    expect(result).toEqual({ status: 200, body: { ok: true, status: "received" } });
    const [stored] = await storedEvents(id);
    expect(stored).toMatchObject({ outcome: "applied", attempts: 1 });
    // Its apply job, the backstop, is done with the apply (committed together): no worker runs it again.
    expect(await applyJob(stored!.id)).toMatchObject({ status: "done", orderId: id });
    const order = await orderRow(id);
    expect(order).toMatchObject({
      status: "paid",
      stockState: "committed",
      fulfillmentStatus: "ready_to_ship",
      paidCfPaymentId: "9001",
    });
  });

  it("pays an order from Cashfree's documented offer PAYMENT_SUCCESS (₹1 paid + ₹1 discount on ₹2)", async () => {
    const id = await insertTestOrder(database.db, `KC-TEST-OFFER-${Date.now()}`, 200, { cfOrderId: "1234567" });
    expect((await deliver(documentedOfferSuccessWebhook(id))).body.status).toBe("received");
    expect(await orderRow(id)).toMatchObject({
      status: "paid",
      fulfillmentStatus: "ready_to_ship",
      attentionReason: null,
      cfOfferId: "0f05e1d0-fbf8-4c9c-a1f0-814c7b2abdba",
      offerDiscountPaise: 100,
    });
  });

  it("fulfils exactly once under 50 concurrent duplicate deliveries", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9002", status: "SUCCESS", amount: "1499.00" });
    const headers = signedHeaders(body);
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(body, headers)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === "received")).toHaveLength(1);
    expect(results.filter((r) => r.body.status === "duplicate")).toHaveLength(49);
    const paidEvents = (await events(id)).filter((e) => e.toStatus === "paid");
    expect(paidEvents).toHaveLength(1);
    expect(await database.db.select().from(payments).where(eq(payments.orderId, id))).toHaveLength(1);
    expect(await database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, id))).toHaveLength(1);
  });

  it("dedupes 2023-08-01 deliveries, which carry no idempotency key, by payment id and type", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9003", status: "SUCCESS", amount: "1499.00" });
    const first = await deliver(body, signedHeaders(body, { version: "2023-08-01", idempotencyKey: null }));
    const second = await deliver(body, signedHeaders(body, { version: "2023-08-01", idempotencyKey: null }));
    expect([first.body.status, second.body.status]).toEqual(["received", "duplicate"]);
  });

  it("keeps a failure non-final: FAILED then SUCCESS pays, each attempt in its own row", async () => {
    const id = await placeOrder();
    await deliver(paymentWebhookBody({ orderId: id, cfPaymentId: "9004", status: "FAILED", amount: "1499.00" }));
    expect((await orderRow(id)).status).toBe("awaiting_payment");
    await deliver(paymentWebhookBody({ orderId: id, cfPaymentId: "9005", status: "SUCCESS", amount: "1499.00" }));
    expect((await orderRow(id)).status).toBe("paid");
    // A successful payment is what makes Cashfree's order PAID; the admin must not keep showing ACTIVE.
    expect((await orderRow(id)).cfOrderStatus).toBe("PAID");
    const attempts = await database.db.select().from(payments).where(eq(payments.orderId, id));
    expect(attempts.map((a) => a.status).sort()).toEqual(["FAILED", "SUCCESS"]);
    expect(attempts.find((a) => a.status === "FAILED")?.errorDescription).toBe("issuer bank declined the transaction");
  });

  it("records a late FAILED after SUCCESS without moving the order back", async () => {
    const id = await placeOrder();
    await deliver(paymentWebhookBody({ orderId: id, cfPaymentId: "9006", status: "SUCCESS", amount: "1499.00" }));
    await deliver(paymentWebhookBody({ orderId: id, cfPaymentId: "9007", status: "USER_DROPPED", amount: "1499.00" }));
    expect((await orderRow(id)).status).toBe("paid");
    expect(await database.db.select().from(payments).where(eq(payments.orderId, id))).toHaveLength(2);
  });

  it("flags a success whose amount or currency differs, without fulfilling", async () => {
    const short = await placeOrder();
    await deliver(paymentWebhookBody({ orderId: short, cfPaymentId: "9008", status: "SUCCESS", amount: "1.00" }));
    expect(await orderRow(short)).toMatchObject({
      status: "needs_review",
      attentionReason: "amount_mismatch",
      fulfillmentStatus: "unfulfilled",
    });
    const usd = await placeOrder();
    await deliver(
      paymentWebhookBody({ orderId: usd, cfPaymentId: "9009", status: "SUCCESS", amount: "1499.00", currency: "USD" }),
    );
    expect((await orderRow(usd)).status).toBe("needs_review");
  });

  it("re-reserves stock for a payment after expiry, or flags it when the stock is gone", async () => {
    const before = await stock();
    const late = await placeOrder({ status: "expired", stockState: "released" });
    await deliver(paymentWebhookBody({ orderId: late, cfPaymentId: "9010", status: "SUCCESS", amount: "1499.00" }));
    expect(await orderRow(late)).toMatchObject({ status: "paid", stockState: "committed" });
    expect(await stock()).toBe(before - 1);

    const tooLate = await placeOrder({ status: "expired", stockState: "released", quantity: 1000 });
    await deliver(
      paymentWebhookBody({ orderId: tooLate, cfPaymentId: "9011", status: "SUCCESS", amount: "1499000.00" }),
    );
    expect(await orderRow(tooLate)).toMatchObject({ status: "needs_review", attentionReason: "late_payment_no_stock" });
    expect(await stock()).toBe(before - 1);
  });

  it("stores and acknowledges events for unknown orders and unknown types", async () => {
    const unknownOrder = await deliver(
      paymentWebhookBody({ orderId: "KC-NOPE", cfPaymentId: "9012", status: "SUCCESS", amount: "10.00" }),
    );
    expect(unknownOrder).toEqual({ status: 200, body: { ok: true, status: "received" } });
    expect(await storedEvents("KC-NOPE")).toMatchObject([{ outcome: "unmatched" }]);
    const body = `{"data":{"settlement":{"amount_settled":97.94}},"event_time":"2026-11-22T12:35:19+05:30","type":"SETTLEMENT_SUCCESS"}`;
    expect((await deliver(body)).body.status).toBe("received");
    const stored = await database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.eventType, "SETTLEMENT_SUCCESS"));
    expect(stored[0]).toMatchObject({ rawBody: body, outcome: "ignored" });
  });

  it("rejects bad signatures, stale timestamps and missing headers, writing nothing but a rejection count", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9013", status: "SUCCESS", amount: "1499.00" });
    const rejectionCount = async () =>
      (await database.db.select().from(webhookRejections)).reduce((n, row) => n + row.count, 0);
    const rejectionsBefore = await rejectionCount();
    const rowsBefore = (await database.db.select().from(webhookRejections)).length;
    expect((await deliver(body, signedHeaders(body, { secret: "cfsk_someone_else" }))).status).toBe(401);
    expect((await deliver(body.replace("1499.00", "1499"), signedHeaders(body))).status).toBe(401);
    expect((await deliver(body, signedHeaders(body, { timestampMs: Date.now() - 6 * 60_000 }))).status).toBe(401);
    expect((await deliver(body, new Headers({ "content-type": "application/json" }))).status).toBe(400);
    expect((await orderRow(id)).status).toBe("awaiting_payment");
    expect(await database.db.select().from(payments).where(eq(payments.orderId, id))).toHaveLength(0);
    expect(await rejectionCount()).toBe(rejectionsBefore + 4);
    // Counted per reason and minute (three reasons here), not a row per request: anonymous traffic cannot grow the table.
    expect((await database.db.select().from(webhookRejections)).length).toBeLessThanOrEqual(rowsBefore + 3 * 2);
  });

  // Review defect 2: the claim was committed before the apply, so a crash in between left the event claimed and
  // the paid order stayed awaiting payment. Now the answer comes first: a process that dies after answering, mid
  // apply, leaves the event and its job, and a worker applies it once.
  it("applies an event, once, through its job after the process died mid-apply after answering", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9014", status: "SUCCESS", amount: "1499.00" });
    const headers = signedHeaders(body);
    let reached!: () => void;
    let release!: () => void;
    const atApply = new Promise<void>((resolve) => (reached = resolve));
    crash.hold = { reached, released: new Promise<void>((resolve) => (release = resolve)) };

    expect(await receive({ rawBody: body, headers, remoteAddress: "127.0.0.1" })).toEqual({
      status: 200,
      body: { ok: true, status: "received" },
    });
    await atApply;
    // SIGKILL of the app: its database connection drops, with whatever it had not committed.
    await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()`,
    );
    release();
    await webhooksApplied();
    const [stored] = await storedEvents(id);
    expect(stored!.outcome).not.toBe("applied");
    expect(await orderRow(id)).toMatchObject({ status: "awaiting_payment" });
    // Cashfree's retry meanwhile is acknowledged: the event is kept, and its job will apply it.
    expect((await deliver(body, headers)).body.status).toBe("duplicate");

    expect(await runApplyJob(stored!.id)).toEqual({ claimed: 1, done: 1, failed: 0, deferred: 0, lost: 0 });
    expect(await orderRow(id)).toMatchObject({ status: "paid", fulfillmentStatus: "ready_to_ship" });
    expect((await events(id)).filter((e) => e.toStatus === "paid")).toHaveLength(1);
    expect(await storedEvents(id)).toMatchObject([{ outcome: "applied" }]);
    expect(await applyJob(stored!.id)).toMatchObject({ status: "done" });
  });

  it("keeps an event whose apply failed, as failed with its error, and its job applies it on the retry", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9016", status: "SUCCESS", amount: "1499.00" });
    const headers = signedHeaders(body);
    crash.failOnce = true;
    expect(await deliver(body, headers)).toEqual({ status: 200, body: { ok: true, status: "received" } });
    const [failed] = await storedEvents(id);
    expect(failed).toMatchObject({ outcome: "failed", attempts: 1, lastError: "connection lost mid-apply" });
    expect(await orderRow(id)).toMatchObject({ status: "awaiting_payment" });
    // Due later, not now: the apply after the answer normally does the work first.
    expect((await applyJob(failed!.id)).runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);

    expect(await runApplyJob(failed!.id)).toEqual({ claimed: 1, done: 1, failed: 0, deferred: 0, lost: 0 });
    expect(await storedEvents(id)).toMatchObject([{ outcome: "applied", attempts: 2 }]);
    expect(await orderRow(id)).toMatchObject({ status: "paid" });
    expect((await deliver(body, headers)).body.status).toBe("duplicate");
  });

  it("does not let a worker close the job of an event another apply holds: it looks again later", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9018", status: "SUCCESS", amount: "1499.00" });
    let reached!: () => void;
    let release!: () => void;
    const atApply = new Promise<void>((resolve) => (reached = resolve));
    crash.hold = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
    await receive({ rawBody: body, headers: signedHeaders(body), remoteAddress: "127.0.0.1" });
    await atApply;
    const [held] = await storedEvents(id);
    // The apply after the answer holds the event: the worker must not mark the job done on its behalf.
    expect(await runApplyJob(held!.id)).toEqual({ claimed: 1, done: 0, failed: 1, deferred: 0, lost: 0 });
    release();
    await webhooksApplied();
    expect(await storedEvents(id)).toMatchObject([{ outcome: "applied" }]);
    expect(await applyJob(held!.id)).toMatchObject({ status: "done" });
  });

  it("answers a duplicate of an event this process stored from memory, without the inbox", async () => {
    const id = await placeOrder();
    const body = paymentWebhookBody({ orderId: id, cfPaymentId: "9017", status: "SUCCESS", amount: "1499.00" });
    const headers = signedHeaders(body);
    expect((await deliver(body, headers)).body.status).toBe("received");
    // With its row gone, only the process's memory can still know the event.
    await database.db.delete(webhookEvents).where(eq(webhookEvents.orderId, id));
    expect((await deliver(body, headers)).body.status).toBe("duplicate");
    expect(await database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, id))).toEqual([]);
  });

  it("lists an event left `received` by a crash in the merchant's needs-attention view", async () => {
    const { failedWebhookEvents } = await import("@/db/queries/admin-stats");
    const id = await placeOrder();
    const [stuck] = await database.db
      .insert(webhookEvents)
      .values({
        eventType: "PAYMENT_SUCCESS_WEBHOOK",
        webhookTimestamp: "0",
        signature: "s",
        rawBody: "{}",
        orderId: id,
        dedupeKey: `stuck-${id}`,
        attempts: 1,
        receivedAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    const listed = await failedWebhookEvents(database.db, new Date(Date.now() - 5 * 60_000));
    expect(listed.map((e) => e.id)).toContain(stuck!.id);
  });

  it("counts 300 forged deliveries in a handful of rows", async () => {
    const body = paymentWebhookBody({ orderId: "KC-FORGED", cfPaymentId: "9015", status: "SUCCESS", amount: "1.00" });
    const rowsBefore = (await database.db.select().from(webhookRejections)).length;
    const results = await Promise.all(
      Array.from({ length: 300 }, () => deliver(body, signedHeaders(body, { secret: "cfsk_forger" }))),
    );
    expect(results.every((r) => r.status === 401)).toBe(true);
    expect((await database.db.select().from(webhookRejections)).length - rowsBefore).toBeLessThanOrEqual(2);
  });

  it("keeps a verified but malformed body and answers 400", async () => {
    const result = await deliver("{not json");
    expect(result.status).toBe(400);
    const [kept] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.eventType, "MALFORMED"));
    expect(kept).toMatchObject({ rawBody: "{not json", outcome: "ignored" });
  });
});
