import { readdirSync } from "node:fs";
import path from "node:path";

import { count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { orderEvents, orders, refunds } from "@/db/schema";

// Every admin server action and route, called by a stranger or with forged input, is refused and changes nothing.
// The session comes from next-auth's auth(); the test controls what it returns.
let session: { adminId?: string; sessionId?: string } | null = null;
vi.mock("@/lib/auth", () => ({ auth: async () => session, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

// Every module of admin actions, found by listing their folder so a new one is covered without being named here.
// Signing in and out (session.ts) is for a visitor without a session by design.
const ADMIN_ACTIONS_DIR = "lib/actions/admin";
const ADMIN_ACTION_MODULES = Object.fromEntries(
  readdirSync(ADMIN_ACTIONS_DIR)
    .filter((file) => /^[\w-]+\.ts$/.test(file) && file !== "session.ts")
    .map((file) => [
      file.replace(/\.ts$/, ""),
      () => import(/* @vite-ignore */ path.resolve(ADMIN_ACTIONS_DIR, file)) as Promise<Record<string, unknown>>,
    ]),
);
for (const known of ["orders", "settings", "cashfree", "payment-links", "products", "policies", "disputes"])
  if (!(known in ADMIN_ACTION_MODULES)) throw new Error(`${ADMIN_ACTIONS_DIR}/${known}.ts was not found`);

const FORGED_INPUTS: unknown[] = [
  undefined,
  {},
  { orderId: "KC-1", amount: "-5", reason: "x", refundKey: "not-a-uuid" },
  { orderId: "'; drop table orders; --", amount: "99999999999", reason: "<script>", refundKey: crypto.randomUUID() },
  { orderId: { $gt: "" } },
];

async function snapshot() {
  const { getDb } = await import("@/db");
  const db = await getDb();
  const [[o], [r], [e]] = await Promise.all([
    db.select({ n: count() }).from(orders),
    db.select({ n: count() }).from(refunds),
    db.select({ n: count() }).from(orderEvents),
  ]);
  return { orders: o?.n, refunds: r?.n, events: e?.n };
}

describe("admin authorization", () => {
  beforeAll(async () => {
    await snapshot(); // opens, migrates and seeds the in-memory database
  });

  for (const [name, load] of Object.entries(ADMIN_ACTION_MODULES)) {
    it(`refuses every action in ${name} without a session, whatever the input`, async () => {
      session = null;
      const actions = Object.entries(await load()).filter(([, value]) => typeof value === "function");
      expect(actions.length).toBeGreaterThan(0);
      const before = await snapshot();
      for (const [actionName, action] of actions) {
        for (const input of FORGED_INPUTS) {
          const result = await (action as (input: unknown) => Promise<{ ok: boolean; error?: string }>)(input);
          expect(result, `${actionName}(${JSON.stringify(input)})`).toMatchObject({
            ok: false,
            error: "Please sign in.",
          });
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it(`refuses every action in ${name} for a session whose admin no longer exists`, async () => {
      session = { adminId: crypto.randomUUID() };
      for (const [, action] of Object.entries(await load())) {
        if (typeof action !== "function") continue;
        expect(await (action as (input: unknown) => Promise<unknown>)({ orderId: "KC-1" })).toMatchObject({
          ok: false,
        });
      }
    });
  }

  it("refuses owner-only settings to a staff session, and leaves the setting unchanged", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const staff = await insertAdmin(await getDb(), {
      email: "staff-test@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    const { saveSettingsAction } = await import("@/lib/actions/admin/settings");
    const { getSetting } = await import("@/lib/settings");
    const before = await getSetting("checkout_variant");
    expect(
      await saveSettingsAction({
        checkoutVariant: before === "modal" ? "inline" : "modal",
        autoRefundLatePayments: true,
      }),
    ).toMatchObject({
      ok: false,
      error: "You do not have permission to do that.",
    });
    expect(await getSetting("checkout_variant")).toBe(before);
  });

  // Review defect 5: a staff session changed a ₹1,499 product's price to ₹1.
  it("keeps catalog and price changes owner-only, and leaves the product unchanged", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const { products, productVariants } = await import("@/db/schema");
    const staff = await insertAdmin(await getDb(), {
      email: "staff-catalog@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    const [product] = await (await getDb()).select().from(products).where(eq(products.slug, "brass-masala-dabba"));
    const [variant] = await (
      await getDb()
    )
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, product!.id));
    const { saveProductAction, saveOptionsAction, saveVariantsAction, setArchivedAction } =
      await import("@/lib/actions/admin/products");
    const form = new FormData();
    for (const [key, value] of Object.entries({
      id: product!.id,
      name: product!.name,
      slug: product!.slug,
      description: product!.description,
      category: product!.category,
    }))
      form.set(key, value);
    const denied = { ok: false, error: "You do not have permission to do that." };
    expect(await saveProductAction(form)).toMatchObject(denied);
    expect(await setArchivedAction({ productId: product!.id, archived: true })).toMatchObject(denied);
    expect(
      await saveVariantsAction({
        productId: product!.id,
        rows: [{ variantId: variant!.id, sku: variant!.sku, price: "1", mrp: "", netQuantity: "", imageId: "" }],
      }),
    ).toMatchObject(denied);
    const options = new FormData();
    options.set("productId", product!.id);
    options.set("optionName", "Size");
    options.set("optionValues", "Tiny");
    expect(await saveOptionsAction(options)).toMatchObject(denied);
    const [after] = await (await getDb()).select().from(products).where(eq(products.id, product!.id));
    expect(after).toMatchObject({ options: [], archivedAt: null });
    const [variantAfter] = await (
      await getDb()
    )
      .select()
      .from(productVariants)
      .where(eq(productVariants.id, variant!.id));
    expect(variantAfter).toMatchObject({ pricePaise: variant!.pricePaise, archivedAt: null });
  });

  // Review defect 7: a signed-out session's cookie kept working until it expired.
  it("refuses a session that was signed out, though its cookie is still valid", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const { endSession } = await import("@/lib/auth/admins");
    const owner = await insertAdmin(await getDb(), {
      email: "owner-signout@example.com",
      name: "Owner",
      role: "owner",
      passwordHash: "x",
    });
    session = { adminId: owner!.id, sessionId: crypto.randomUUID() };
    const { GET } = await import("@/app/admin/(console)/orders/export/route");
    expect((await GET(new Request("http://localhost/admin/orders/export"))).status).toBe(200);
    await endSession(session.sessionId!, new Date(Date.now() + 60_000));
    expect((await GET(new Request("http://localhost/admin/orders/export"))).status).toBe(401);
  });

  it("refuses the CSV export without a session", async () => {
    session = null;
    const { GET } = await import("@/app/admin/(console)/orders/export/route");
    const response = await GET(new Request("http://localhost/admin/orders/export"));
    expect(response.status).toBe(401);
  });

  it("keeps the GST report's CSV for owners: staff get 403, strangers 401, the owner both CSVs", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const { GET } = await import("@/app/admin/(console)/gst/export/route");
    const get = (query: string) => GET(new Request(`http://localhost/admin/gst/export?${query}`));
    session = null;
    expect((await get("month=2026-12")).status).toBe(401);
    const staff = await insertAdmin(await getDb(), {
      email: "staff-gst@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    expect((await get("month=2026-12")).status).toBe(403);
    const owner = await insertAdmin(await getDb(), {
      email: "owner-gst@example.com",
      name: "Owner",
      role: "owner",
      passwordHash: "x",
    });
    session = { adminId: owner!.id, sessionId: crypto.randomUUID() };
    expect((await get("month=2026-12")).status).toBe(200);
    expect(await (await get("month=2026-12&kind=b2b")).text()).toMatch(/^document_type,document_number,/);
    expect((await get("month=december")).status).toBe(400);
  });

  it("lets only a signed-in owner through the Cashfree OAuth callback", async () => {
    const { GET } = await import("@/app/api/cashfree/oauth/callback/route");
    const callback = () => GET(new Request("http://localhost:3000/api/cashfree/oauth/callback?state=abcdefgh&code=x"));
    session = null;
    const stranger = await callback();
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get("location")).toMatch(/\/admin\/sign-in$/);
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const staff = await insertAdmin(await getDb(), {
      email: "staff-oauth@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    expect((await callback()).status).toBe(403);
    const { getConnection } = await import("@/db/queries/cashfree-connections");
    expect(await getConnection(await getDb())).toBeUndefined();
  });

  it("keeps dispute answers owner-only, and refuses a fake or oversized evidence file before anything is sent", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const { insertDisputeIfNew } = await import("@/db/queries/disputes");
    const { disputes, disputeDocuments, disputeEvents } = await import("@/db/schema");
    const db = await getDb();
    await insertDisputeIfNew(db, { disputeId: "777000111", cfOrderId: "order_x", status: "DISPUTE_CREATED" });
    const rows = async () => ({
      dispute: (await db.select().from(disputes).where(eq(disputes.disputeId, "777000111")))[0]?.status,
      events: (await db.select({ n: count() }).from(disputeEvents))[0]?.n,
      documents: (await db.select({ n: count() }).from(disputeDocuments))[0]?.n,
    });
    const before = await rows();
    const { acceptDisputeAction, submitEvidenceAction } = await import("@/lib/actions/admin/disputes");
    const form = (bytes: Uint8Array, name: string) => {
      const data = new FormData();
      data.set("disputeId", "777000111");
      data.set("docType", "Shipping Proof");
      data.set("file", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
      return data;
    };
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

    const staff = await insertAdmin(db, {
      email: "staff-dispute@example.com",
      name: "Staff",
      role: "staff",
      passwordHash: "x",
    });
    session = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    const refused = { ok: false, error: "You do not have permission to do that." };
    expect(await acceptDisputeAction({ disputeId: "777000111" })).toMatchObject(refused);
    expect(await submitEvidenceAction(form(pdf, "receipt.pdf"))).toMatchObject(refused);

    const owner = await insertAdmin(db, {
      email: "owner-dispute@example.com",
      name: "Owner",
      role: "owner",
      passwordHash: "x",
    });
    session = { adminId: owner!.id, sessionId: crypto.randomUUID() };
    expect(await submitEvidenceAction(form(new TextEncoder().encode("plain text"), "receipt.pdf"))).toMatchObject({
      ok: false,
      fieldErrors: { file: "This file is not a PDF, JPEG or PNG (its contents say otherwise)." },
    });
    const oversized = new Uint8Array(5 * 1024 * 1024 + 1);
    oversized.set(pdf);
    expect(await submitEvidenceAction(form(oversized, "big.pdf"))).toMatchObject({
      ok: false,
      fieldErrors: { file: "Evidence files must be 5 MB or smaller." },
    });
    expect(await submitEvidenceAction("not a form" as never)).toMatchObject({
      ok: false,
    });
    expect(await acceptDisputeAction({ disputeId: "1; drop table disputes" })).toMatchObject({ ok: false });
    expect(await rows()).toEqual(before);
  });

  // Issue 26: the browser's file name (5,000 characters, a path, a double extension) went into the audit row as sent.
  it("audits an evidence file under its checked name, never the name the browser sent", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const { insertDisputeIfNew } = await import("@/db/queries/disputes");
    const { auditEvents } = await import("@/db/schema");
    const db = await getDb();
    // Closed: refused after the file is checked and before anything is sent to Cashfree.
    await insertDisputeIfNew(db, { disputeId: "777000222", cfOrderId: "order_y", status: "DISPUTE_MERCHANT_WON" });
    const owner = await insertAdmin(db, {
      email: "owner-evidence-name@example.com",
      name: "Owner",
      role: "owner",
      passwordHash: "x",
    });
    session = { adminId: owner!.id, sessionId: crypto.randomUUID() };
    const { submitEvidenceAction } = await import("@/lib/actions/admin/disputes");
    const rawName = `../../etc/${"a".repeat(5_000)}.pdf.exe`;
    const data = new FormData();
    data.set("disputeId", "777000222");
    data.set("docType", "Shipping Proof");
    data.set("file", new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], rawName, { type: "application/pdf" }));
    expect(await submitEvidenceAction(data)).toMatchObject({ ok: false, error: expect.stringContaining("closed") });

    const [row] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "dispute.evidence"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(row!.detail).toMatchObject({ docType: "Shipping Proof", fileName: `${"a".repeat(80)}.pdf` });
    expect(JSON.stringify(row!.detail)).not.toContain("etc");
    expect(JSON.stringify(row!.detail).length).toBeLessThan(400);
  });
});
