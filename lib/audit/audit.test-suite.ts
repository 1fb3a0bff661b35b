import { randomUUID } from "node:crypto";

import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/db";
import { insertAuditEvent } from "@/db/queries/audit";
import { auditEvents, products, productVariants, refusedSignInCounts } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "@/db/testing/databases";
import { LIMITS } from "@/lib/rate-limit/limits";
import { soleVariant } from "@/lib/testing/catalog";
import { paidTestOrder } from "@/lib/testing/orders";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

/**
 * The audit log against one driver (audit.pglite.test.ts, audit.pg.test.ts): real actions through the action
 * client, a real database, the local sandbox as Cashfree. The test file mocks next-auth's session and the request
 * headers with `request`.
 */
export interface TestRequest {
  session: { adminId: string; sessionId: string } | null;
  headers: Headers;
}

type Admin = { id: string; email: string };

const BROWSER = "Mozilla/5.0 (AuditTest) Chrome/156";

/** What lib/auth's throttle throws: a CredentialsSignin with its code and limit (next-auth itself needs Next). */
const rateLimited = (refusedBy: string) =>
  Object.assign(new Error("Read more at https://errors.authjs.dev#credentialssignin"), {
    type: "CredentialsSignin",
    code: "rate_limited",
    refusedBy,
  });

export function auditSuite(driver: "pglite" | "pg", request: TestRequest, options: { skip?: boolean } = {}) {
  let database: TestDatabase | undefined;
  let db: Database;
  let t: TestSandbox;
  let owner: Admin;
  let staff: Admin;

  const as = (admin: Admin | null) => {
    request.session = admin ? { adminId: admin.id, sessionId: randomUUID() } : null;
  };
  const rows = (action: string) =>
    db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id));
  const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
  const actions = () => import("@/lib/actions/admin/products");
  /** Coorg Filter Coffee, 250 g · Filter: a variant of a product sold in variants, with its pack declared. */
  const coffee250 = async () => {
    const [row] = await db.select().from(productVariants).where(eq(productVariants.sku, "COORG-250-FLT"));
    return row!;
  };
  const coffeeRow = (variant: { id: string; sku: string }, fields: Record<string, string>) => ({
    variantId: variant.id,
    sku: variant.sku,
    price: "389",
    mrp: "449",
    netQuantity: "250",
    netQuantityUnit: "g",
    imageId: "",
    ...fields,
  });
  const productForm = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return form;
  };

  describe.skipIf(options.skip)(`audit log (${driver})`, () => {
    beforeAll(async () => {
      t = await startTestSandbox({ webhookUrl: null });
      process.env.CASHFREE_ENV = "local";
      process.env.CASHFREE_SANDBOX_PORT = String(t.sandbox.port);
      process.env.TRUSTED_PROXY_HOPS = "1";
      if (driver === "pg") {
        database = await createTestDatabase("pg", { poolSize: 5 });
        await seedCatalog(database.db);
        process.env.DATABASE_URL = database.url;
      } else {
        process.env.PGLITE_DIR = "memory://";
        process.env.DATABASE_URL = "";
      }
      db = await (await import("@/db")).getDb(); // PGlite: opens, migrates and seeds the in-memory database
      const { insertAdmin } = await import("@/db/queries/admin-users");
      const admin = async (role: "owner" | "staff") =>
        (await insertAdmin(db, { email: `${role}-audit@example.com`, name: role, role, passwordHash: "x" }))!;
      owner = await admin("owner");
      staff = await admin("staff");
      request.headers = new Headers({
        "x-forwarded-for": "198.51.100.9, 203.0.113.7",
        "user-agent": BROWSER,
        "x-request-id": "req-audit-1",
      });
    });
    afterAll(async () => {
      // Shipping, refunds and cancellations leave outbox jobs running in the background: let them finish first.
      await (await import("@/lib/outbox/worker")).outboxIdle();
      await (await import("@/db")).closeDb();
      await database?.close();
      await t?.close();
    });

    it("records a price change: who, when, from where, the target, and the price before and after", async () => {
      as(owner);
      const variant = await coffee250();
      const { saveVariantsAction } = await actions();
      const started = new Date(Date.now() - 1000);
      expect(
        await saveVariantsAction({ productId: variant.productId, rows: [coffeeRow(variant, { price: "399.50" })] }),
      ).toMatchObject({ ok: true });
      const [row, ...more] = await rows("variant.update");
      expect(more).toEqual([]);
      const pack = { sku: variant.sku, mrpPaise: 44_900, netQuantity: 250, netQuantityUnit: "g", imageId: null };
      expect(row).toMatchObject({
        actorAdminId: owner.id,
        actorEmail: owner.email,
        outcome: "ok",
        targetType: "product",
        targetId: variant.productId,
        // The entry the nearest proxy appended, never what the client wrote before it.
        ipAddress: "203.0.113.7",
        userAgent: BROWSER,
        requestId: "req-audit-1",
        before: { [variant.sku]: { ...pack, pricePaise: variant.pricePaise } },
        after: { [variant.sku]: { ...pack, pricePaise: 39_950 } },
      });
      expect(row!.occurredAt.getTime()).toBeGreaterThan(started.getTime());
    });

    it("records stock before and after, and a refused change below zero as failed with what the admin was told", async () => {
      as(staff);
      const variant = await soleVariant(db, "brass-masala-dabba");
      const { adjustStockAction } = await actions();
      const stock = (delta: number, reason: string) =>
        adjustStockAction({ productId: variant.productId, reason, changes: [{ variantId: variant.id, delta }] });
      expect(await stock(7, "Delivery from Munnar")).toMatchObject({ ok: true });
      expect(await stock(-100_000, "Miscount")).toMatchObject({ ok: false });
      const [added, refused] = await rows("stock.adjust");
      expect(added).toMatchObject({
        actorEmail: staff.email,
        outcome: "ok",
        targetId: variant.productId,
        before: { [variant.sku]: { stock: variant.stock } },
        after: { [variant.sku]: { stock: variant.stock + 7 } },
        detail: { reason: "Delivery from Munnar" },
      });
      expect(refused).toMatchObject({
        outcome: "failed",
        targetId: variant.productId,
        before: null,
        after: null,
        detail: { error: `${variant.sku} has ${variant.stock + 7} in stock: it cannot go below zero.` },
      });
    });

    it("records settings before and after, the seller's fields one by one", async () => {
      as(owner);
      const { saveSettingsAction, saveSellerAction } = await import("@/lib/actions/admin/settings");
      expect(await saveSettingsAction({ checkoutVariant: "modal", autoRefundLatePayments: true })).toMatchObject({
        ok: true,
      });
      const { DEMO_SELLER } = await import("@/lib/gst/seller");
      expect(await saveSellerAction({ ...DEMO_SELLER, legalName: "Kaveri & Company LLP" })).toMatchObject({ ok: true });
      const [checkout, seller] = await rows("settings.update");
      expect(checkout).toMatchObject({
        targetType: "settings",
        targetId: "checkout",
        before: { checkout_variant: "redirect", auto_refund_late_payments: false },
        after: { checkout_variant: "modal", auto_refund_late_payments: true },
      });
      expect(seller).toMatchObject({
        targetId: "seller",
        before: { seller: DEMO_SELLER },
        after: { seller: { ...DEMO_SELLER, legalName: "Kaveri & Company LLP" } },
      });
    });

    it("records product edits, archiving and policy pages with what they were", async () => {
      as(owner);
      const variant = await soleVariant(db, "darjeeling-first-flush");
      const [product] = await db.select().from(products).where(eq(products.id, variant.productId));
      const { saveProductAction, setArchivedAction } = await actions();
      const form = productForm({
        id: product!.id,
        name: "Darjeeling First Flush (2027)",
        slug: product!.slug,
        description: product!.description,
        category: product!.category,
        hsnCode: product!.hsnCode,
        gstRate: String(product!.gstRateBps),
      });
      expect(await saveProductAction(form)).toMatchObject({ ok: true });
      expect(await setArchivedAction({ productId: product!.id, archived: true })).toMatchObject({ ok: true });
      const [edit] = await rows("product.update");
      expect(edit).toMatchObject({
        targetType: "product",
        targetId: product!.id,
        before: { name: product!.name, slug: product!.slug },
        after: { name: "Darjeeling First Flush (2027)", slug: product!.slug },
      });
      const [archived] = await rows("product.archive");
      expect(archived).toMatchObject({ targetId: product!.id, before: { archived: false }, after: { archived: true } });

      const { savePolicyAction } = await import("@/lib/actions/admin/policies");
      const body = "Refunds reach your account within 7 working days of our receiving the item.";
      expect(await savePolicyAction({ slug: "refunds", title: "Refunds", body })).toMatchObject({ ok: true });
      const [policy] = await rows("policy.update");
      expect(policy).toMatchObject({ targetType: "policy", targetId: "refunds", after: { title: "Refunds", body } });
      expect((policy!.before as { body: string }).body).not.toBe(body);
    });

    it("records shipping, a refund and a cancellation with their order and what was asked", async () => {
      as(staff);
      const shipped = await paidTestOrder(db, t, 49_900);
      const cancelled = await paidTestOrder(db, t, 59_900);
      const orders = await import("@/lib/actions/admin/orders");
      expect(
        await orders.markShippedAction({ orderId: shipped, courier: "Delhivery", trackingNumber: "AWB123456" }),
      ).toMatchObject({ ok: true });
      expect(
        await orders.refundOrderAction({
          orderId: shipped,
          amount: "100",
          reason: "One jar arrived chipped",
          refundKey: randomUUID(),
        }),
      ).toMatchObject({ ok: true });
      expect(await orders.cancelOrderAction({ orderId: cancelled })).toMatchObject({ ok: true });
      expect(await rows("order.ship")).toMatchObject([
        { outcome: "ok", targetType: "order", targetId: shipped, detail: { courier: "Delhivery" } },
      ]);
      expect(await rows("order.refund")).toMatchObject([
        { outcome: "ok", targetId: shipped, actorEmail: staff.email, detail: { amountPaise: 10_000 } },
      ]);
      expect(await rows("order.cancel")).toMatchObject([{ outcome: "ok", targetId: cancelled }]);
    });

    it("records a lesser role's attempt as refused and invalid input as failed; a stranger's call writes nothing", async () => {
      const { saveSettingsAction } = await import("@/lib/actions/admin/settings");
      const { adjustStockAction } = await actions();
      const before = await count();
      as(null);
      expect(await saveSettingsAction({ checkoutVariant: "inline", autoRefundLatePayments: false })).toMatchObject({
        error: "Please sign in.",
      });
      expect(await count()).toBe(before);
      as(staff);
      await saveSettingsAction({ checkoutVariant: "inline", autoRefundLatePayments: false });
      await adjustStockAction({
        productId: randomUUID(),
        reason: "x",
        changes: [{ variantId: randomUUID(), delta: 0 }],
      });
      expect((await rows("settings.update")).at(-1)).toMatchObject({
        outcome: "refused",
        actorAdminId: staff.id,
        detail: { error: "You do not have permission to do that." },
        before: null,
      });
      expect((await rows("stock.adjust")).at(-1)).toMatchObject({
        outcome: "failed",
        actorAdminId: staff.id,
        targetId: null,
        detail: { invalidFields: ["reason", "delta"] },
      });
    });

    it("keeps a change and its row together: a row that cannot be written undoes a price change; one written after the fact never undoes what was done", async () => {
      await db.execute(sql`create function audit_test_outage() returns trigger language plpgsql as $$
        begin
          if new.action in ('variant.update', 'order.resync') then raise exception 'audit log unavailable'; end if;
          return new;
        end $$`);
      await db.execute(sql`create trigger audit_test_outage before insert on audit_events
        for each row execute function audit_test_outage()`);
      try {
        as(owner);
        const variant = await coffee250();
        const { saveVariantsAction } = await actions();
        expect(
          await saveVariantsAction({ productId: variant.productId, rows: [coffeeRow(variant, { price: "1" })] }),
        ).toMatchObject({ ok: false, error: "Something went wrong. Nothing was changed; please try again." });
        const [after] = await db.select().from(productVariants).where(eq(productVariants.id, variant.id));
        expect(after!.pricePaise).toBe(variant.pricePaise);

        const order = await paidTestOrder(db, t, 19_900);
        const { resyncOrderAction } = await import("@/lib/actions/admin/orders");
        // Done is done, whatever the log says: answering "failed" for a change that was made invites doing it twice.
        expect(await resyncOrderAction({ orderId: order })).toMatchObject({ ok: true });
        expect(await rows("order.resync")).toEqual([]);
      } finally {
        await db.execute(sql`drop trigger audit_test_outage on audit_events`);
        await db.execute(sql`drop function audit_test_outage()`);
      }
    });

    it("records sign-in attempts (the e-mail as typed, never a password), throttled ones as refused, and sign-out", async () => {
      const { auditedAuthorize, recordSignIn, recordSignOut } = await import("./sign-in");
      const wrong = auditedAuthorize(async () => null);
      const throttled = auditedAuthorize(async (): Promise<null> => {
        throw rateLimited("signInPerAccountAddress");
      });
      const req = new Request("http://localhost/api/auth/callback/credentials");
      expect(await wrong({ email: " Owner-Audit@Example.com", password: "guess-1" }, req)).toBeNull();
      await expect(throttled({ email: "owner-audit@example.com", password: "guess-6" }, req)).rejects.toThrow();
      // Refusals are counted, and reach the log when their window closes or the log is read.
      const { listAuditLog, parseAuditFilters } = await import("./read");
      await listAuditLog(parseAuditFilters({}));
      await recordSignIn({ id: owner.id, email: owner.email }, "credentials");
      await recordSignOut({ adminId: owner.id, email: owner.email });
      expect(await rows("auth.sign_in")).toMatchObject([
        { outcome: "failed", actorAdminId: null, actorEmail: "owner-audit@example.com", ipAddress: "203.0.113.7" },
        {
          outcome: "refused",
          actorEmail: "owner-audit@example.com",
          ipAddress: "203.0.113.7",
          detail: { reason: "rate_limited", refusedBy: "signInPerAccountAddress", attempts: 1 },
        },
        { outcome: "ok", actorAdminId: owner.id, detail: { provider: "credentials" } },
      ]);
      expect(JSON.stringify(await rows("auth.sign_in"))).not.toContain("guess");
      expect(await rows("auth.sign_out")).toMatchObject([{ outcome: "ok", actorAdminId: owner.id }]);
    });

    // Issue 26 defect 7: each refused sign-in wrote its own row, so anyone could grow the log without bound.
    it("counts refused sign-ins per window: 250 refusals become a few rows whose counts add up", async () => {
      const { auditedAuthorize } = await import("./sign-in");
      const { listAuditLog, parseAuditFilters } = await import("./read");
      const { beginSignInAttempt } = await import("@/lib/auth/throttle");
      const { checkCredentials } = await import("@/lib/auth/admins");
      const { clientAddress } = await import("@/lib/client-address");
      // lib/auth's authorize, with the real throttle in front of the password check.
      const authorize = auditedAuthorize(async (credentials: { email: string; password: string }, req: Request) => {
        const address = clientAddress(req.headers, 1);
        const result = await checkCredentials(credentials.email, credentials.password, address);
        if (!result.ok && result.reason === "rate_limited") throw rateLimited(result.refusedBy);
        return null;
      });
      const from = (address: string) => {
        request.headers = new Headers({ "x-forwarded-for": address, "user-agent": BROWSER });
        return new Request("http://localhost/api/auth/callback/credentials", { headers: request.headers });
      };
      const requestHeaders = request.headers;
      const refusedRows = async () =>
        (await listAuditLog(parseAuditFilters({ action: "auth.sign_in", outcome: "refused" }), 1000)).rows;
      const before = new Set((await refusedRows()).map((row) => row.id));

      // One address trying 200 e-mails nobody has, once its own limit is used up (counted without a password).
      for (let i = 0; i < LIMITS.signInPerAddress.points; i++)
        await beginSignInAttempt(`filler-${i}@guess.test`, "203.0.113.60");
      const req = from("203.0.113.60");
      for (let batch = 0; batch < 10; batch++)
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            authorize({ email: `nobody-${batch * 20 + i}@guess.test`, password: "x" }, req).catch(() => "refused"),
          ),
        );
      // One e-mail over its account's limit, tried from 50 addresses that each failed once already.
      for (let i = 0; i < LIMITS.signInPerAccount.points; i++)
        await beginSignInAttempt("target@guess.test", `198.18.7.${i + 1}`);
      for (let i = 0; i < 50; i++) {
        await beginSignInAttempt("someone-else@guess.test", `198.18.8.${i + 1}`);
        await authorize({ email: "target@guess.test", password: "x" }, from(`198.18.8.${i + 1}`)).catch(() => null);
      }

      const rows = (await refusedRows()).filter((row) => !before.has(row.id));
      const attempts = (refusedBy: string) =>
        rows
          .filter((row) => (row.detail as { refusedBy?: string }).refusedBy === refusedBy)
          .reduce((sum, row) => sum + Number((row.detail as { attempts: number }).attempts), 0);
      // One row per limit and whom it limits, two if a 15-minute window closed meanwhile.
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.length).toBeLessThanOrEqual(4);
      expect(attempts("signInPerAddress")).toBe(200);
      expect(attempts("signInPerAccount")).toBe(50);
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actorEmail: null, ipAddress: "203.0.113.60" }),
          expect.objectContaining({ actorEmail: "target@guess.test", ipAddress: null }),
        ]),
      );
      // Nothing is left counted outside the log once it has been read.
      expect(await db.select().from(refusedSignInCounts)).toEqual([]);
      request.headers = requestHeaders;
    });

    it("moves a closed window's refusals into the log at the next refusal, keeping the open window counting", async () => {
      const { auditedAuthorize } = await import("./sign-in");
      const refuse = auditedAuthorize(async (): Promise<null> => {
        throw rateLimited("signInPerAccount");
      });
      const hourAgo = new Date(Date.now() - 60 * 60_000);
      await db.insert(refusedSignInCounts).values({
        windowStart: hourAgo,
        reason: "rate_limited",
        refusedBy: "signInPerAccount",
        subject: "closed@guess.test|",
        actorEmail: "closed@guess.test",
        attempts: 37,
        firstAt: hourAgo,
        lastAt: hourAgo,
      });
      const req = new Request("http://localhost/api/auth/callback/credentials");
      await expect(refuse({ email: "open@guess.test", password: "x" }, req)).rejects.toThrow();
      const closed = await db.select().from(auditEvents).where(eq(auditEvents.actorEmail, "closed@guess.test"));
      expect(closed).toMatchObject([
        { outcome: "refused", detail: { refusedBy: "signInPerAccount", attempts: 37, firstAt: hourAgo.toISOString() } },
      ]);
      expect(await db.select().from(refusedSignInCounts)).toMatchObject([
        { actorEmail: "open@guess.test", attempts: 1 },
      ]);
      // Reading the log moves the open window's too.
      const { listAuditLog, parseAuditFilters } = await import("./read");
      expect((await listAuditLog(parseAuditFilters({ actor: "open@guess.test" }))).rows).toMatchObject([
        { outcome: "refused", detail: { attempts: 1 } },
      ]);
      expect(await db.select().from(refusedSignInCounts)).toEqual([]);
    });

    it("records the Cashfree OAuth callback: a staff member refused, the owner's attempt with its outcome", async () => {
      const { GET } = await import("@/app/api/cashfree/oauth/callback/route");
      const callback = () => GET(new Request("http://localhost/api/cashfree/oauth/callback?state=abcdefgh&code=x"));
      as(staff);
      expect((await callback()).status).toBe(403);
      as(owner);
      expect((await callback()).status).toBe(303);
      expect(await rows("cashfree.connect")).toMatchObject([
        { outcome: "refused", actorAdminId: staff.id, targetType: "cashfree" },
        // The state was never issued: refused by the callback, and on the record with why.
        { outcome: "failed", actorAdminId: owner.id, detail: { outcome: "bad_state" } },
      ]);
    });

    it("records an order export with its filters, and exports the log as CSV with formula-looking cells defused", async () => {
      as(staff);
      const { GET: ordersCsv } = await import("@/app/admin/(console)/orders/export/route");
      const orders = await ordersCsv(new Request("http://localhost/admin/orders/export?status=paid&q=asha"));
      await orders.text();
      expect(await rows("order.export")).toMatchObject([
        { outcome: "ok", actorAdminId: staff.id, detail: { filters: { status: "paid", q: "asha" } } },
      ]);

      const { auditedAuthorize } = await import("./sign-in");
      await auditedAuthorize(async () => null)(
        { email: '=HYPERLINK("http://evil.example","x")', password: "x" },
        new Request("http://localhost/"),
      );
      const { GET: auditCsv } = await import("@/app/admin/(console)/audit/export/route");
      expect((await auditCsv(new Request("http://localhost/admin/audit/export"))).status).toBe(403);
      as(owner);
      const response = await auditCsv(new Request("http://localhost/admin/audit/export?action=auth.sign_in"));
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const lines = (await response.text()).trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        "occurred_at,actor_email,actor_admin_id,action,outcome,target_type,target_id,ip_address,user_agent,request_id,before,after,detail",
      );
      expect(lines.slice(1).every((line) => line.includes(",auth.sign_in,"))).toBe(true);
      expect(lines[1]).toContain(`"'=hyperlink(""http://evil.example"",""x"")"`);
      expect(lines.some((line) => line.includes(`,${owner.id},auth.sign_in,ok,`))).toBe(true);
      // The export itself is on the record, refused for staff and done by the owner.
      expect(await rows("audit.export")).toMatchObject([
        { outcome: "refused", actorAdminId: staff.id },
        { outcome: "ok", actorAdminId: owner.id, detail: { filters: { action: "auth.sign_in" } } },
      ]);
    });

    it("refuses to change or delete a row (append-only)", async () => {
      await expect(db.execute(sql`update audit_events set outcome = 'ok' where outcome = 'refused'`)).rejects.toThrow();
      await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
      const error = await db.execute(sql`delete from audit_events`).catch((e: unknown) => e);
      expect(String((error as { cause?: unknown }).cause ?? error)).toContain("append-only");
    });

    it("filters by action, outcome, who, target and India day, and pages newest first, stable while rows arrive", async () => {
      const { listAuditLog, parseAuditFilters } = await import("./read");
      const base = { actorEmail: "pager@example.com", targetType: "order" };
      // 10 rows, a minute apart, on 2020-12-01 (India), then one on the 2nd.
      for (let i = 0; i < 10; i++)
        await insertAuditEvent(db, {
          ...base,
          action: i % 2 ? "order.ship" : "order.refund",
          outcome: i === 3 ? "failed" : "ok",
          targetId: `KC-PAGE-${i}`,
          occurredAt: new Date(Date.UTC(2020, 11, 1, 6, i)),
        });
      await insertAuditEvent(db, {
        ...base,
        action: "order.refund",
        targetId: "KC-PAGE-NEXT-DAY",
        occurredAt: new Date("2020-12-02T00:10:00+05:30"),
      });
      const ids = async (query: Record<string, string>, size?: number) =>
        (await listAuditLog(parseAuditFilters({ actor: "PAGER@", ...query }), size)).rows.map((r) => r.targetId);

      expect(await ids({ from: "2020-12-01", to: "2020-12-01", outcome: "failed" })).toEqual(["KC-PAGE-3"]);
      expect(await ids({ action: "order.ship", to: "2020-12-01" })).toEqual([
        "KC-PAGE-9",
        "KC-PAGE-7",
        "KC-PAGE-5",
        "KC-PAGE-3",
        "KC-PAGE-1",
      ]);
      expect(await ids({ from: "2020-12-02" })).toEqual(["KC-PAGE-NEXT-DAY"]);
      expect(await ids({ targetType: "order", target: "KC-PAGE-4" })).toEqual(["KC-PAGE-4"]);
      expect(await ids({ actor: "nobody-like-this" })).toEqual([]);
      // A malformed filter is no filter, never an error page.
      expect(await ids({ outcome: "maybe", from: "yesterday" }, 100)).toHaveLength(11);

      const filters = parseAuditFilters({ actor: "pager@example.com" });
      const seen: string[] = [];
      let page = await listAuditLog(filters, 4);
      expect(page.newer).toBeUndefined();
      for (;;) {
        seen.push(...page.rows.map((r) => r.targetId!));
        // A row that arrives meanwhile is newer than every row already listed: it must not shift the pages.
        await insertAuditEvent(db, { ...base, action: "order.ship", targetId: `KC-LATE-${seen.length}` });
        if (!page.older) break;
        const previous = page;
        page = await listAuditLog({ ...filters, older: page.older }, 4);
        const back = await listAuditLog({ ...filters, newer: page.newer! }, 4);
        expect(back.rows.map((r) => r.id)).toEqual(previous.rows.map((r) => r.id));
      }
      expect(seen).toEqual(["KC-PAGE-NEXT-DAY", ...[9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => `KC-PAGE-${i}`)]);
    });
  });
}
