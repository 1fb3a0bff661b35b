import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as queries from "@/db/queries/settlements";
import { orders, outboxJobs, settlementImportDays, settlementLines, settlements, webhookEvents } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { insertTestOrder, orderAtSandbox, paidTestOrder } from "@/lib/testing/orders";
import { signedHeaders } from "@/lib/testing/webhook-fixtures";
import { serviceCharge, serviceTax } from "@/sandbox/settlements";
import {
  startTestSandbox,
  startWebhookReceiver,
  type TestSandbox,
  type WebhookReceiver,
} from "@/sandbox/testing/harness";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";

// Real PostgreSQL and the local sandbox: webhooks through the real pipeline, recon and the pull from the sandbox.
const postgres = await requirePostgres();

let database: TestDatabase;
let t: TestSandbox;
let hooks: WebhookReceiver;
let pull: typeof import("./pull").pullSettlements;
let runDueJobs: typeof import("@/lib/outbox/worker").runDueJobs;
let outboxIdle: typeof import("@/lib/outbox/worker").outboxIdle;

type Triggered = { cf_settlement_id: string; utr: string | null };

const deliver = (rawBody: string, headers = signedHeaders(rawBody)) =>
  deliverWebhook({ rawBody, headers, remoteAddress: "127.0.0.1" });

/** The bodies the sandbox sent for a settlement, to a receiver that holds them: the test delivers them, in any order. */
const sentBodies = (cfSettlementId: string) =>
  hooks.received
    .filter((r) => r.body.includes(`"settlement_id":${cfSettlementId},`))
    .map((r) => ({ type: (JSON.parse(r.body) as { type: string }).type, body: r.body }));

async function settle(orderIds: string[]) {
  const triggered = await t.control<Triggered>("POST", "/settlements", { order_ids: orderIds });
  expect(triggered.status).toBe(200);
  const id = triggered.body.cf_settlement_id;
  const processed = await t.control<Triggered>("POST", `/settlements/${id}/process`);
  await hooks.waitForEvents((e) => String(e.data.settlement?.settlement_id) === id, 2);
  return { id, utr: processed.body.utr!, bodies: sentBodies(id) };
}

const settlementRow = async (cfSettlementId: string) =>
  (await database.db.select().from(settlements).where(eq(settlements.cfSettlementId, cfSettlementId)))[0];
const linesOf = async (settlementId: string) =>
  database.db.select().from(settlementLines).where(eq(settlementLines.settlementId, settlementId));

async function recon() {
  await outboxIdle();
  await runDueJobs();
}

describe.skipIf(!postgres)("settlements (real PostgreSQL, local sandbox)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    await seedCatalog(database.db);
    hooks = await startWebhookReceiver();
    t = await startTestSandbox({ webhookUrl: hooks.url });
    process.env.DATABASE_URL = database.url;
    process.env.CASHFREE_ENV = "local";
    process.env.CASHFREE_SANDBOX_PORT = String(t.sandbox.port);
    process.env.ORDER_EMAILS = "off";
    ({ pullSettlements: pull } = await import("./pull"));
    ({ runDueJobs, outboxIdle } = await import("@/lib/outbox/worker"));
  });
  afterAll(async () => {
    await outboxIdle();
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
    await hooks?.close();
  });

  it("imports SUCCESS before INITIATED, once, with its recon lines tied to the orders, paise exact", async () => {
    const a = await paidTestOrder(database.db, t, 149_999);
    const b = await paidTestOrder(database.db, t, 100_001);
    const { id, utr, bodies } = await settle([a, b]);
    const initiated = bodies.find((x) => x.type === "SETTLEMENT_INITIATED")!.body;
    const success = bodies.find((x) => x.type === "SETTLEMENT_SUCCESS")!.body;

    expect((await deliver(success)).body).toEqual({ ok: true, status: "received" });
    expect((await deliver(initiated)).body).toEqual({ ok: true, status: "received" });
    expect((await deliver(success, signedHeaders(success, { idempotencyKey: null }))).body.status).toBe("duplicate");
    await recon();

    const row = (await settlementRow(id))!;
    const charge = serviceCharge(149_999) + serviceCharge(100_001);
    const tax = serviceTax(serviceCharge(149_999)) + serviceTax(serviceCharge(100_001));
    expect(row).toMatchObject({
      status: "SUCCESS",
      utr,
      source: "webhook",
      paymentAmountPaise: 250_000,
      serviceChargePaise: charge,
      serviceTaxPaise: tax,
      adjustmentPaise: 0,
      amountSettledPaise: 250_000 - charge - tax,
    });
    expect(row.settledOn).toBeInstanceOf(Date);
    const lines = await linesOf(row.id);
    expect(lines.map((l) => [l.eventType, l.orderId, l.amountPaise]).sort()).toEqual(
      [
        ["PAYMENT", a, 149_999],
        ["PAYMENT", b, 100_001],
      ].sort(),
    );
    expect(lines.reduce((n, l) => n + l.settlementAmountPaise, 0)).toBe(row.amountSettledPaise);
    // The job ran once per status at most, and running the outbox again adds nothing.
    await runDueJobs();
    expect(await linesOf(row.id)).toHaveLength(2);
  });

  it("keeps a refund as a negative line, and a line for an order the shop does not have without an order", async () => {
    const paid = await paidTestOrder(database.db, t, 50_000);
    await t.api("POST", `/orders/${paid}/refunds`, { refund_id: "rf_settle_1", refund_amount: 120.5 });
    await t.control("POST", "/refunds/settle");
    const stranger = await orderAtSandbox(t, 7_500, { paid: true });
    const { id, bodies } = await settle([paid, stranger.orderId]);
    await deliver(bodies.find((x) => x.type === "SETTLEMENT_INITIATED")!.body);
    await recon();
    const row = (await settlementRow(id))!;
    expect(row).toMatchObject({ status: "INITIATED", adjustmentPaise: -12_050, paymentAmountPaise: 57_500 });
    const lines = await linesOf(row.id);
    expect(lines.find((l) => l.eventType === "REFUND")).toMatchObject({
      orderId: paid,
      amountPaise: 12_050,
      settlementAmountPaise: -12_050,
    });
    expect(lines.find((l) => l.cfOrderId === stranger.orderId)).toMatchObject({ orderId: null, amountPaise: 7_500 });
    expect(lines.reduce((n, l) => n + l.settlementAmountPaise, 0)).toBe(row.amountSettledPaise);
  });

  it("refuses a settlement webhook with a bad signature and writes nothing", async () => {
    const paid = await paidTestOrder(database.db, t, 20_000);
    const { id, bodies } = await settle([paid]);
    const body = bodies.find((x) => x.type === "SETTLEMENT_SUCCESS")!.body;
    const forged = await deliver(body, signedHeaders(body, { secret: "not-the-secret" }));
    expect(forged).toEqual({ status: 401, body: { ok: false, status: "bad_signature" } });
    const stale = await deliver(body, signedHeaders(body, { timestampMs: Date.now() - 3_600_000 }));
    expect(stale.status).toBe(401);
    expect(await settlementRow(id)).toBeUndefined();
    const stored = await database.db.select().from(webhookEvents).where(eq(webhookEvents.rawBody, body));
    expect(stored).toEqual([]);
  });

  it("keeps a genuine settlement webhook it cannot read (ignored, in the inbox), writing no settlement", async () => {
    const body = JSON.stringify({
      data: { settlement: { status: "SUCCESS", amount_settled: "ninety", utr: 12 } },
      event_time: "2026-12-01T10:00:00+05:30",
      type: "SETTLEMENT_SUCCESS",
    });
    expect((await deliver(body)).body).toEqual({ ok: true, status: "received" });
    const [stored] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.rawBody, body));
    expect(stored).toMatchObject({ eventType: "SETTLEMENT_SUCCESS", outcome: "ignored" });
  });

  it("never lets an older status overwrite a later one, whatever the order of arrival", async () => {
    const paid = await paidTestOrder(database.db, t, 30_000);
    const triggered = await t.control<Triggered>("POST", "/settlements", { order_ids: [paid] });
    const id = triggered.body.cf_settlement_id;
    await t.control("POST", `/settlements/${id}/process`);
    await t.control("POST", `/settlements/${id}/process`, { status: "REVERSED" });
    await hooks.waitForEvents((e) => String(e.data.settlement?.settlement_id) === id, 3);
    const byType = Object.fromEntries(sentBodies(id).map((x) => [x.type, x.body]));
    for (const type of ["SETTLEMENT_REVERSED", "SETTLEMENT_INITIATED", "SETTLEMENT_SUCCESS"])
      expect((await deliver(byType[type]!)).status).toBe(200);
    expect(await settlementRow(id)).toMatchObject({ status: "REVERSED", utr: expect.stringMatching(/^CFSB/) });
  });

  it("pulls each missed day once, at most 31 a run, and two pulls at once write nothing twice", async () => {
    const day = (offsetDays: number) =>
      new Date(Date.now() + 330 * 60_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    // Nothing pulled for 40 days; settlements on two of the missed days (the sandbox's clock moves between them).
    await database.db.delete(settlementImportDays);
    await queries.recordImportedDay(database.db, day(-40), { settlements: 0, lines: 0 });
    const first = await paidTestOrder(database.db, t, 11_111);
    const s1 = (await t.control<Triggered>("POST", "/settlements", { order_ids: [first] })).body.cf_settlement_id;
    await t.control("POST", "/clock/advance", { ms: 86_400_000 });
    const second = await paidTestOrder(database.db, t, 22_222);
    const s2 = (await t.control<Triggered>("POST", "/settlements", { order_ids: [second] })).body.cf_settlement_id;
    await t.control("POST", `/settlements/${s2}/process`);

    const now = new Date(Date.now() + 2 * 86_400_000);
    const [one, two] = await Promise.all([pull({ now }), pull({ now })]);
    // Each run does at most 31 days; the two may overlap or one may start where the other has got to.
    expect(one.days.length).toBeLessThanOrEqual(31);
    expect(two.days.length).toBeLessThanOrEqual(31);
    const covered = [...new Set([...one.days, ...two.days])].sort();
    expect(covered[0]).toBe(day(-39));
    const rest = await pull({ now });
    expect(rest.days.length).toBeGreaterThan(0);
    expect(rest.days[0]! > covered.at(-1)!).toBe(true);
    expect(rest.days.at(-1)).toBe(day(1));
    expect((await pull({ now })).days).toEqual([]);

    expect(await settlementRow(s1)).toMatchObject({ status: "INITIATED", source: "pull", paymentAmountPaise: 11_111 });
    expect(await settlementRow(s2)).toMatchObject({ status: "SUCCESS", source: "pull", paymentAmountPaise: 22_222 });
    for (const [id, order] of [
      [s1, first],
      [s2, second],
    ] as const) {
      const lines = await linesOf((await settlementRow(id))!.id);
      expect(lines.map((l) => l.orderId)).toEqual([order]);
    }
    const days = await database.db.select().from(settlementImportDays);
    expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
    expect(days).toHaveLength(42);

    // The first one's SUCCESS webhook never came: the next pull asks about it again.
    await t.control("POST", `/settlements/${s1}/process`);
    expect((await pull({ now })).refreshed).toBeGreaterThanOrEqual(1);
    expect(await settlementRow(s1)).toMatchObject({ status: "SUCCESS", utr: expect.stringMatching(/^CFSB/) });
    await t.control("POST", "/clock/advance", { ms: -86_400_000 });
  });

  it("finds paid orders not settled after the window, and not those settled or recent", async () => {
    const old = new Date(Date.now() - 4 * 86_400_000);
    await insertTestOrder(database.db, "KC-UNSETTLED-OLD", 10_000, { status: "paid", paidAt: old });
    await insertTestOrder(database.db, "KC-UNSETTLED-NEW", 10_000, { status: "paid", paidAt: new Date() });
    const settled = await paidTestOrder(database.db, t, 10_000);
    const { bodies } = await settle([settled]);
    await database.db.update(orders).set({ paidAt: old }).where(eq(orders.id, settled));
    await deliver(bodies.find((x) => x.type === "SETTLEMENT_SUCCESS")!.body);
    await recon();
    const ids = (await queries.unsettledPaidOrders(database.db, new Date(Date.now() - 3 * 86_400_000))).map(
      (o) => o.id,
    );
    expect(ids).toContain("KC-UNSETTLED-OLD");
    expect(ids).not.toContain("KC-UNSETTLED-NEW");
    expect(ids).not.toContain(settled);
  });

  it("the background loop's daily pull: one job a day however many instances ask, and the job runs the pull", async () => {
    const { scheduleDailySettlementPull } = await import("./schedule");
    await Promise.all([scheduleDailySettlementPull(), scheduleDailySettlementPull(), scheduleDailySettlementPull()]);
    const jobs = () => database.db.select().from(outboxJobs).where(eq(outboxJobs.kind, "settlement_pull"));
    expect(await jobs()).toHaveLength(1);
    await outboxIdle();
    await runDueJobs();
    expect((await jobs())[0]).toMatchObject({ status: "done", lastError: null });
  });
});

describe.each(["pglite", "neon"] as const)("settlement rows on %s", (driver) => {
  it.skipIf(driver === "neon" && !postgres)("upserts by status rank and adds each line once", async () => {
    const other = await createTestDatabase(driver);
    try {
      await seedCatalog(other.db);
      await insertTestOrder(other.db, "KC-DRV-SET-1", 99_999, { status: "paid" });
      const base = {
        cfSettlementId: "777001",
        currency: "INR",
        paymentAmountPaise: 99_999,
        serviceChargePaise: 1_750,
        serviceTaxPaise: 315,
        amountSettledPaise: 97_934,
        source: "webhook",
      };
      await queries.upsertSettlement(other.db, { ...base, status: "SUCCESS", utr: "UTR1" });
      const row = await queries.upsertSettlement(other.db, { ...base, status: "INITIATED", utr: null });
      expect(row).toMatchObject({ status: "SUCCESS", utr: "UTR1", amountSettledPaise: 97_934 });
      const line = {
        eventType: "PAYMENT",
        eventId: "p1",
        cfOrderId: "KC-DRV-SET-1",
        amountPaise: 99_999,
        settlementAmountPaise: 97_934,
      };
      const added = await Promise.all([
        queries.insertSettlementLines(other.db, row.id, [line, { ...line, eventId: "p2", cfOrderId: "elsewhere" }]),
        queries.insertSettlementLines(other.db, row.id, [line]),
      ]);
      expect(added.reduce((a, b) => a + b, 0)).toBe(2);
      const lines = await other.db.select().from(settlementLines).orderBy(settlementLines.eventId);
      expect(lines.map((l) => [l.eventId, l.orderId])).toEqual([
        ["p1", "KC-DRV-SET-1"],
        ["p2", null],
      ]);
      expect((await queries.settlementsOfOrder(other.db, "KC-DRV-SET-1"))[0]?.settlement.utr).toBe("UTR1");
      expect((await queries.listSettlements(other.db)).map((r) => [r.settlement.cfSettlementId, r.orders])).toEqual([
        ["777001", 1],
      ]);
    } finally {
      await other.close();
    }
  });
});
