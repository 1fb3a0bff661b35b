import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { emailDeliveries, orders, outboxJobs } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { paymentWebhookBody, signedHeaders } from "@/lib/testing/webhook-fixtures";
import { type MailCatcher, startMailCatcher } from "@/lib/testing/mail-catcher";
import { insertTestOrder, orderAtSandbox } from "@/lib/testing/orders";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";

// The outbox against real services: PostgreSQL, the local Cashfree sandbox over HTTP, and MailDev as the SMTP server.
const postgres = await requirePostgres();

let database: TestDatabase;
let t: TestSandbox;
let mail: MailCatcher;
let lib: {
  runDueJobs: typeof import("./worker").runDueJobs;
  outboxIdle: typeof import("./worker").outboxIdle;
  markFulfilment: typeof import("@/lib/admin/order-operations").markFulfilment;
};

const OWNER: Admin = {
  id: "owner-1",
  email: "owner@kaveri.local",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};

/** An order awaiting payment here and at the sandbox (so Cashfree calls about it work). */
async function openOrder(totalPaise = 149_900) {
  const created = await orderAtSandbox(t, totalPaise, { paid: false });
  return insertTestOrder(database.db, created.orderId, totalPaise, { cfOrderId: "1" });
}

/** Pays through a signed webhook, then waits for the outbox run it started (outside a request it runs at once). */
async function pay(orderId: string) {
  const body = paymentWebhookBody({ orderId, cfPaymentId: `p-${orderId}`, status: "SUCCESS", amount: "1499.00" });
  const result = await deliverWebhook({ rawBody: body, headers: signedHeaders(body), remoteAddress: "127.0.0.1" });
  await lib.outboxIdle();
  return result;
}

const jobsOf = (orderId: string) => database.db.select().from(outboxJobs).where(eq(outboxJobs.orderId, orderId));

describe.skipIf(!postgres)("the outbox (real PostgreSQL, local sandbox, MailDev)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    t = await startTestSandbox({ webhookUrl: null });
    mail = await startMailCatcher();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CASHFREE_ENV: "local",
      CASHFREE_SANDBOX_PORT: String(t.sandbox.port),
      SMTP_URL: mail.smtpUrl,
    });
    const [worker, operations] = await Promise.all([import("./worker"), import("@/lib/admin/order-operations")]);
    lib = {
      runDueJobs: worker.runDueJobs,
      outboxIdle: worker.outboxIdle,
      markFulfilment: operations.markFulfilment,
    };
  });
  afterAll(async () => {
    await lib?.outboxIdle();
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
    await mail?.stop();
  });

  it("sends exactly one confirmation, with the total and the order's link, for a payment", async () => {
    const orderId = await openOrder();
    expect((await pay(orderId)).body.status).toBe("received");
    await lib.runDueJobs();
    const [confirmation, ...others] = await mail.emailsFor(orderId);
    expect(others).toHaveLength(0);
    expect(confirmation!.subject).toBe(`Order ${orderId} confirmed — ₹1,499.00`);
    expect(confirmation!.to[0]!.address).toBe("asha@example.com");
    expect(confirmation!.text).toContain("Total paid: ₹1,499.00");
    expect(confirmation!.html).toContain(`/orders/${orderId}?token=token-${orderId}`);
    const [delivery] = await database.db.select().from(emailDeliveries).where(eq(emailDeliveries.orderId, orderId));
    expect(delivery).toMatchObject({ status: "sent", template: "order_confirmed", recipient: "asha@example.com" });
  });

  it("makes one confirmation job of 50 concurrent duplicate success webhooks", async () => {
    const orderId = await openOrder();
    const body = paymentWebhookBody({ orderId, cfPaymentId: `dup-${orderId}`, status: "SUCCESS", amount: "1499.00" });
    const headers = signedHeaders(body);
    await Promise.all(
      Array.from({ length: 50 }, () => deliverWebhook({ rawBody: body, headers, remoteAddress: "127.0.0.1" })),
    );
    await lib.outboxIdle();
    const confirmations = (await jobsOf(orderId)).filter((j) => j.key === `email:order_confirmed:${orderId}`);
    expect(confirmations).toHaveLength(1);
    await Promise.all([lib.runDueJobs(), lib.runDueJobs(), lib.runDueJobs()]);
    expect(await mail.emailsFor(orderId)).toHaveLength(1);
  });

  it("retries through an SMTP outage, nothing else failing, and delivers once SMTP is back", async () => {
    await mail.stop();
    const orderId = await openOrder();
    expect((await pay(orderId)).body).toMatchObject({ ok: true, status: "received" });
    // The payment's own outbox run already met the outage.
    const [job] = (await jobsOf(orderId)).filter((j) => j.kind === "email");
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job!.runAfter.getTime()).toBeGreaterThan(Date.now());

    await mail.start();
    await database.db
      .update(outboxJobs)
      .set({ runAfter: sql`now()` })
      .where(eq(outboxJobs.id, job!.id));
    await lib.runDueJobs();
    expect(await mail.emailsFor(orderId)).toHaveLength(1);
    const attempts = await database.db.select().from(emailDeliveries).where(eq(emailDeliveries.orderId, orderId));
    expect(attempts.map((a) => a.status).sort()).toEqual(["failed", "sent"]);
  });

  it("gives up after the last attempt, lists the job for the merchant, and sends it once on Retry", async () => {
    await mail.stop();
    const orderId = await openOrder();
    await pay(orderId);
    const [job] = (await jobsOf(orderId)).filter((j) => j.kind === "email");
    // Seven attempts already failed; this is the eighth and last.
    await database.db
      .update(outboxJobs)
      .set({ attempts: 7, runAfter: sql`now()` })
      .where(eq(outboxJobs.id, job!.id));
    await lib.runDueJobs();
    expect((await jobsOf(orderId)).find((j) => j.id === job!.id)).toMatchObject({ status: "dead", attempts: 8 });
    const { listDeadJobs, reviveJob } = await import("@/db/queries/outbox");
    expect((await listDeadJobs(database.db)).map((j) => j.id)).toContain(job!.id);

    await mail.start();
    expect(await reviveJob(database.db, job!.id)).toBe(true);
    await lib.runDueJobs();
    expect(await mail.emailsFor(orderId)).toHaveLength(1);
    expect((await listDeadJobs(database.db)).map((j) => j.id)).not.toContain(job!.id);
  });

  it("resumes a job whose worker died mid-run, once; and does not send again after a crash between send and done", async () => {
    const orderId = await openOrder();
    await pay(orderId);
    const [job] = (await jobsOf(orderId)).filter((j) => j.kind === "email");
    // A worker claimed it and died: its lease has run out.
    await database.db
      .update(outboxJobs)
      .set({ status: "running", attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxJobs.id, job!.id));
    await lib.runDueJobs();
    expect(await mail.emailsFor(orderId)).toHaveLength(1);
    // Now the same job as if its worker had sent it and died before marking it done.
    await database.db
      .update(outboxJobs)
      .set({ status: "running", lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxJobs.id, job!.id));
    await lib.runDueJobs();
    expect(await mail.emailsFor(orderId)).toHaveLength(1);
    expect((await jobsOf(orderId)).find((j) => j.id === job!.id)?.status).toBe("done");
  });

  it("tells Cashfree about a shipment and e-mails the tracking link", async () => {
    const orderId = await openOrder();
    await pay(orderId);
    expect(
      await lib.markFulfilment(OWNER, orderId, "shipped", { courier: "Delhivery", trackingNumber: "DL12345678" }),
    ).toMatchObject({ ok: true });
    await lib.outboxIdle();
    await lib.runDueJobs();
    const shipment = await t.control<{ shipment_details: unknown[]; order_delivery_status: unknown }>(
      "GET",
      `/orders/${orderId}/shipment`,
    );
    expect(shipment.body.order_delivery_status).toEqual({ status: "SHIPPED" });
    expect(shipment.body.shipment_details[0]).toMatchObject({
      tracking_company: "Delhivery",
      tracking_numbers: ["DL12345678"],
      tracking_urls: ["https://www.delhivery.com/track/package/DL12345678"],
    });
    const shipped = (await mail.emailsFor(orderId)).find((e) => e.subject === `Order ${orderId} has shipped`);
    expect(shipped?.html).toContain("https://www.delhivery.com/track/package/DL12345678");
  });

  it("keeps an order shipped while Cashfree is down, and tells Cashfree once it is back", async () => {
    const orderId = await openOrder();
    await pay(orderId);
    t.sandbox.apiFaults.failMode = "500";
    t.sandbox.apiFaults.failNext = 50;
    expect(
      await lib.markFulfilment(OWNER, orderId, "shipped", { courier: "Blue Dart", trackingNumber: "BD5550001" }),
    ).toMatchObject({ ok: true });
    await lib.outboxIdle();
    const [job] = (await jobsOf(orderId)).filter((j) => j.kind === "cashfree_shipment");
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    const order = (await database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!;
    expect(order).toMatchObject({
      fulfillmentStatus: "shipped",
      shippingCourier: "Blue Dart",
      trackingNumber: "BD5550001",
    });

    t.sandbox.apiFaults.failNext = 0;
    await database.db
      .update(outboxJobs)
      .set({ runAfter: sql`now()` })
      .where(eq(outboxJobs.id, job!.id));
    await lib.runDueJobs();
    const shipment = await t.control<{ shipment_details: { tracking_company: string }[] }>(
      "GET",
      `/orders/${orderId}/shipment`,
    );
    expect(shipment.body.shipment_details[0]?.tracking_company).toBe("Blue Dart");
  });
});
