import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orders, refunds } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { paidTestOrder } from "@/lib/testing/orders";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

// Real PostgreSQL and the local sandbox: refunds reserve under the order's row lock, then go to Cashfree.
const postgres = await requirePostgres();

let database: TestDatabase;
let t: TestSandbox;
let issueRefund: typeof import("./refunds").issueRefund;
let refundAuthorityOf: typeof import("./refunds").refundAuthorityOf;

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

const paidOrder = (totalPaise: number) => paidTestOrder(database.db, t, totalPaise);

const refundRows = (orderId: string) => database.db.select().from(refunds).where(eq(refunds.orderId, orderId));

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

  // Issue 28, item 2: the merchant's refund form and the server's guards against refunding the same money twice.
  describe("one refund per refund form", () => {
    const request = (orderId: string, amountPaise: number, refundKey: string = crypto.randomUUID()) => ({
      orderId,
      amountPaise,
      reason: "Damaged in transit",
      refundKey,
    });

    it("refunds once when the same form is sent twice, one after the other or at the same moment", async () => {
      const orderId = await paidOrder(120_000);
      const first = request(orderId, 10_000);
      expect(await issueRefund(refundAuthorityOf(OWNER), first)).toMatchObject({ ok: true });
      expect(await issueRefund(refundAuthorityOf(OWNER), first)).toMatchObject({
        ok: true,
        message: "This refund was already submitted.",
      });
      const second = request(orderId, 20_000);
      const both = await Promise.all([
        issueRefund(refundAuthorityOf(OWNER), second),
        issueRefund(refundAuthorityOf(OWNER), second),
      ]);
      expect(both.map((r) => r.ok)).toEqual([true, true]);
      expect(await refunded(orderId)).toBe(30_000);
      expect((await refundRows(orderId)).map((r) => r.amountPaise).sort()).toEqual([10_000, 20_000]);
    });

    it("makes a deliberate second refund of the same amount (a new form) a refund of its own", async () => {
      const orderId = await paidOrder(120_000);
      expect(await issueRefund(refundAuthorityOf(OWNER), request(orderId, 10_000))).toMatchObject({ ok: true });
      expect(await issueRefund(refundAuthorityOf(OWNER), request(orderId, 10_000))).toMatchObject({ ok: true });
      expect(await refunded(orderId)).toBe(20_000);
      expect(await refundRows(orderId)).toHaveLength(2);
    });

    it("refuses more than the refundable remainder with a sentence, and changes nothing", async () => {
      const orderId = await paidOrder(120_000);
      expect(await issueRefund(refundAuthorityOf(OWNER), request(orderId, 100_000))).toMatchObject({ ok: true });
      expect(await issueRefund(refundAuthorityOf(OWNER), request(orderId, 20_001))).toEqual({
        ok: false,
        error: "Only ₹200.00 of this order can still be refunded.",
      });
      expect(await refunded(orderId)).toBe(100_000);
      expect(await refundRows(orderId)).toHaveLength(1);
    });

    it("refunds nothing when a refund key comes back with another amount or another order", async () => {
      const orderId = await paidOrder(120_000);
      const other = await paidOrder(120_000);
      const used = request(orderId, 10_000);
      expect(await issueRefund(refundAuthorityOf(OWNER), used)).toMatchObject({ ok: true });
      const reused = "This refund form was already used for another refund. Reload the page to make a new one.";
      expect(await issueRefund(refundAuthorityOf(OWNER), { ...used, amountPaise: 15_000 })).toEqual({
        ok: false,
        error: reused,
      });
      expect(await issueRefund(refundAuthorityOf(OWNER), { ...used, orderId: other })).toEqual({
        ok: false,
        error: reused,
      });
      expect(await refunded(orderId)).toBe(10_000);
      expect(await refunded(other)).toBe(0);
    });
  });
});
