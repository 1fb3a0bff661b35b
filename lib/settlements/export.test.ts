import { beforeAll, describe, expect, it, vi } from "vitest";

// The settlements CSV: behind the admin session (staff and owner), amounts in rupees with two decimals.
let session: { adminId?: string; sessionId?: string } | null = null;
vi.mock("@/lib/auth", () => ({ auth: async () => session, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

const get = async () => {
  const { GET } = await import("@/app/admin/(console)/settlements/export/route");
  return GET(new Request("http://localhost/admin/settlements/export"));
};

describe("settlements CSV export", () => {
  beforeAll(async () => {
    const { getDb } = await import("@/db");
    const { upsertSettlement } = await import("@/db/queries/settlements");
    const db = await getDb();
    await upsertSettlement(db, {
      cfSettlementId: "900001",
      utr: 'UTR,WITH"COMMA',
      status: "SUCCESS",
      paymentFrom: new Date("2026-12-01T06:30:00Z"),
      paymentTill: new Date("2026-12-01T08:30:00Z"),
      settledOn: new Date("2026-12-02T06:30:00Z"),
      paymentAmountPaise: 159_900,
      serviceChargePaise: 2_798,
      serviceTaxPaise: 503,
      adjustmentPaise: -4_000,
      amountSettledPaise: 152_599,
      source: "webhook",
    });
  });

  it("refuses strangers", async () => {
    session = null;
    expect((await get()).status).toBe(401);
  });

  it("gives staff every settlement, quoted and in rupees", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const staff = await insertAdmin(await getDb(), {
      email: "staff-settlements@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="settlements-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "cf_settlement_id,utr,status,payment_from,payment_till,initiated_on,settled_on,payment_amount_inr,service_charge_inr,service_tax_inr,settlement_charge_inr,settlement_tax_inr,adjustment_inr,amount_settled_inr",
    );
    expect(lines.slice(1)).toEqual([
      '900001,"UTR,WITH""COMMA",SUCCESS,2026-12-01T06:30:00.000Z,2026-12-01T08:30:00.000Z,,2026-12-02T06:30:00.000Z,1599.00,27.98,5.03,0.00,0.00,-40.00,1525.99',
    ]);
  });

  it("the daily pull's cron route refuses callers without the cron secret", async () => {
    const { GET } = await import("@/app/api/cron/settlements/route");
    const response = await GET(
      new Request("http://localhost/api/cron/settlements", { headers: { authorization: "Bearer guess" } }),
    );
    expect(response.status).toBe(401);
  });
});
