import { randomBytes } from "node:crypto";

import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { encryptToken } from "@/lib/cashfree/token-crypto";
import { SANDBOX_MERCHANT_ID } from "@/sandbox/defaults";

// Issue 26: stored tokens this server's keys cannot open are a configuration error the admin is told about
// (settings page, banner) and checkout pauses for; the connection row is never touched, so putting the right
// key back resumes payments. Real PostgreSQL; the app's keys are the local ones (CASHFREE_ENV=local).
const postgres = await requirePostgres();

// The buttons' server actions (next-auth) are not rendered here, only their labels.
vi.mock("@/lib/actions/admin/cashfree", () => ({
  connectCashfreeAction: vi.fn(),
  disconnectCashfreeAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

let database: TestDatabase;
let queries: typeof import("@/db/queries/cashfree-connections");
let connect: typeof import("./connect");
let configuredKeys: Buffer[];

const owner: Admin = {
  id: "owner-1",
  email: "owner@example.com",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};

/** The connection as the callback stores it, its tokens sealed with `keys[0]`. */
async function storeConnection(keys: Buffer[]) {
  await queries.saveLinkedConnection(database.db, {
    accessTokenCipher: encryptToken(keys, "cfat_access-token-for-test"),
    refreshTokenCipher: encryptToken(keys, "cfrt_refresh-token-for-test"),
    accessExpiresAt: new Date(Date.now() + 3_600_000),
    refreshExpiresAt: new Date(Date.now() + 90 * 86_400_000),
    merchantId: SANDBOX_MERCHANT_ID,
    environment: "local",
    connectedBy: owner.id,
  });
}

describe.skipIf(!postgres)("stored tokens no configured key opens", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg");
    Object.assign(process.env, { DATABASE_URL: database.url, CASHFREE_ENV: "local" });
    queries = await import("@/db/queries/cashfree-connections");
    connect = await import("./connect");
    configuredKeys = (await import("@/lib/env")).env.cashfree.partner!.encryptionKeys;
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("pause checkout and tell the admin the key configuration is wrong; the row stays as it was", async () => {
    await storeConnection([randomBytes(32)]);
    const before = await queries.getConnection(database.db);

    expect(await connect.paymentsPaused()).toEqual({
      status: "token_keys",
      reason: expect.stringMatching(/CASHFREE_TOKEN_ENCRYPTION_KEYS cannot open the stored Cashfree tokens/),
    });
    const view = await connect.getConnectionView("local");
    expect(view).toMatchObject({ mode: "oauth", status: "linked", tokenKeys: "none" });
    expect(view.reason).toMatch(/a key is missing or wrong.*tokens are kept/);

    const { CashfreeBanner } = await import("@/components/admin/cashfree-banner");
    const banner = renderToStaticMarkup(await CashfreeBanner({ admin: owner }));
    expect(banner).toContain("Payments are paused.");
    expect(banner).toContain("CASHFREE_TOKEN_ENCRYPTION_KEYS cannot open");
    const { CashfreeConnection } = await import("@/components/admin/cashfree-connection");
    const settings = renderToStaticMarkup(CashfreeConnection({ view, outcome: null }));
    expect(settings).toMatch(/None of this server(&#x27;|')s keys opens them: a key configuration error/);
    expect(settings).toContain("Reconnect");

    expect(await queries.getConnection(database.db)).toEqual(before);
  });

  it("the right key back: nothing paused, and the settings page says which key sealed the tokens", async () => {
    await storeConnection([configuredKeys[0]!]);
    expect(await connect.paymentsPaused()).toBeNull();
    expect(await connect.getConnectionView("local")).toMatchObject({ tokenKeys: "newest", reason: null });
  });
});
