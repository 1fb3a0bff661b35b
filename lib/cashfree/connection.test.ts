import { createCipheriv, randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseDriver, type DatabaseHandle, openDatabase } from "@/db/client";
import * as queries from "@/db/queries/cashfree-connections";
import { cashfreeConnections } from "@/db/schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { tapLogLines } from "@/lib/log";
import { SANDBOX_OAUTH_CLIENT_ID, SANDBOX_PARTNER_API_KEY } from "@/sandbox/defaults";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

import { merchantCredentials, type OAuthSettings, storedTokens } from "./connection";
import { CashfreeApiError } from "./errors";
import { createAuthLink, exchangeCode } from "./partner";
import { tokenKeyId } from "./token-crypto";

// Real PostgreSQL (pg, neon) shows the row lock at work across connections; PGlite (one connection) must agree.
const postgres = await requirePostgres();
const REDIRECT = "http://localhost:3000/api/cashfree/oauth/callback";

let sandbox: TestSandbox;
let settings: OAuthSettings;

beforeAll(async () => {
  sandbox = await startTestSandbox({ oauthRedirectUri: REDIRECT });
  settings = {
    baseUrl: sandbox.sandbox.url,
    apiKey: SANDBOX_PARTNER_API_KEY,
    clientId: SANDBOX_OAUTH_CLIENT_ID,
    encryptionKeys: [randomBytes(32)],
    environment: "local",
  };
});
afterAll(() => sandbox.close());

const control = (path: string, body: unknown = {}) =>
  fetch(`${sandbox.sandbox.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const sandboxOAuth = async () =>
  (await (await fetch(`${sandbox.sandbox.url}/_sandbox/oauth`)).json()) as { refreshes: number };

/** The owner's consent in the sandbox, and the tokens stored the way the callback stores them. */
async function link(database: TestDatabase) {
  const authLink = await createAuthLink(settings, `state-${randomBytes(8).toString("hex")}`);
  const back = await fetch(authLink, {
    method: "POST",
    body: new URLSearchParams({ decision: "allow" }),
    redirect: "manual",
  });
  const code = new URL(back.headers.get("location")!).searchParams.get("code")!;
  const tokens = await exchangeCode(settings, code);
  await queries.saveLinkedConnection(database.db, {
    ...storedTokens(settings, tokens),
    merchantId: tokens.merchantId,
    environment: "local",
    connectedBy: "test",
  });
  return tokens;
}

/** A token as stored before key ids existed: `iv.tag.ciphertext`, what existing rows hold. */
function sealedWithoutKeyId(key: Buffer, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

const expireIn = (database: TestDatabase, ms: number) =>
  database.db.update(cashfreeConnections).set({ accessExpiresAt: new Date(Date.now() + ms) });
const row = async (database: TestDatabase) => (await queries.getConnection(database.db))!;

describe.each<DatabaseDriver>(["pg", "neon", "pglite"])("OAuth token refresh on %s", (driver) => {
  let database: TestDatabase;
  const skip = driver !== "pglite" && !postgres;

  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { poolSize: 25 });
  });
  afterAll(async () => database?.close());

  it.skipIf(skip)(
    "20 concurrent requests at token expiry cause exactly one refresh, and all use its token",
    async () => {
      const first = await link(database);
      await expireIn(database, 0);
      const before = await sandboxOAuth();
      const generation = (await row(database)).tokenGeneration;

      const results = await Promise.all(Array.from({ length: 20 }, () => merchantCredentials(database.db, settings)));

      expect((await sandboxOAuth()).refreshes - before.refreshes).toBe(1);
      const tokens = new Set(results.map((r) => (r.mode === "oauth" ? r.accessToken : r.mode)));
      expect(tokens.size).toBe(1);
      const [token] = [...tokens];
      expect(token).not.toBe(first.accessToken);
      expect(token).toMatch(/^cfat_/);
      const after = await row(database);
      expect(after).toMatchObject({ status: "linked", tokenGeneration: generation + 1 });
      expect(after.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      // Stored encrypted: neither token appears in the row.
      expect(JSON.stringify(after)).not.toContain(token);
    },
  );

  it.skipIf(skip)("uses the stored token without refreshing while it is more than 5 minutes from expiry", async () => {
    await link(database);
    const before = await sandboxOAuth();
    await Promise.all(Array.from({ length: 5 }, () => merchantCredentials(database.db, settings)));
    expect((await sandboxOAuth()).refreshes).toBe(before.refreshes);
  });

  it.skipIf(skip)(
    "token endpoint down: keeps the connection, serves the still-valid token, refreshes later",
    async () => {
      const tokens = await link(database);
      await expireIn(database, 2 * 60_000);
      await control("/_sandbox/oauth/faults", { token_fail_next: 1 });
      expect(await merchantCredentials(database.db, settings)).toMatchObject({
        mode: "oauth",
        accessToken: tokens.accessToken,
      });
      expect((await row(database)).status).toBe("linked");

      // Expired and still down: the call fails (a network-class error), the connection is not broken.
      await expireIn(database, -1000);
      await control("/_sandbox/oauth/faults", { token_fail_next: 1 });
      await expect(merchantCredentials(database.db, settings)).rejects.toBeInstanceOf(CashfreeApiError);
      expect((await row(database)).status).toBe("linked");

      // Back up: the same refresh token was never spent, so the refresh works.
      const again = await merchantCredentials(database.db, settings);
      expect(again.mode).toBe("oauth");
      expect(again.mode === "oauth" && again.accessToken).not.toBe(tokens.accessToken);
    },
  );

  it.skipIf(skip)(
    "a revoked refresh token breaks the connection with a clear reason, and drops the tokens",
    async () => {
      await link(database);
      await control("/_sandbox/oauth/refresh-tokens/revoke");
      await expireIn(database, 0);
      const results = await Promise.all(Array.from({ length: 5 }, () => merchantCredentials(database.db, settings)));
      for (const result of results) expect(result).toMatchObject({ mode: "paused", status: "broken" });
      const broken = await row(database);
      expect(broken.status).toBe("broken");
      expect(broken.statusReason).toMatch(/refused to refresh.*refresh_token_invalid.*Connect again/);
      expect(broken).toMatchObject({ accessTokenCipher: null, refreshTokenCipher: null });
    },
  );

  it.skipIf(skip)("a bearer token Cashfree refuses early is refreshed once", async () => {
    const tokens = await link(database);
    const before = await sandboxOAuth();
    const result = await merchantCredentials(database.db, settings, { rejectedToken: tokens.accessToken });
    expect(result.mode === "oauth" && result.accessToken).not.toBe(tokens.accessToken);
    expect((await sandboxOAuth()).refreshes).toBe(before.refreshes + 1);
  });

  // Issue 26: a new CASHFREE_TOKEN_ENCRYPTION_KEY marked the connection broken and nulled both tokens, silently,
  // and one instance deployed with a wrong key broke it for all.
  it.skipIf(skip)(
    "a key this server lacks: paused and logged loudly, the connection and its tokens kept; the right key resumes",
    async () => {
      const tokens = await link(database);
      const wrong = { ...settings, encryptionKeys: [randomBytes(32)] };
      const logged: Record<string, unknown>[] = [];
      const untap = tapLogLines((line) => logged.push(line));
      const before = await row(database);
      const refreshesBefore = (await sandboxOAuth()).refreshes;

      // A token far from expiry, then one due for refresh: neither is sent, nothing is refreshed or dropped.
      expect(await merchantCredentials(database.db, wrong)).toMatchObject({ mode: "paused", status: "token_keys" });
      await expireIn(database, 0);
      const expiring = await row(database);
      expect(await merchantCredentials(database.db, wrong)).toMatchObject({
        mode: "paused",
        status: "token_keys",
        reason: expect.stringMatching(/CASHFREE_TOKEN_ENCRYPTION_KEYS cannot open/),
      });
      untap();
      expect(await row(database)).toEqual(expiring);
      expect(expiring).toMatchObject({
        status: "linked",
        statusReason: null,
        accessTokenCipher: before.accessTokenCipher,
        refreshTokenCipher: before.refreshTokenCipher,
        tokenGeneration: before.tokenGeneration,
      });
      expect((await sandboxOAuth()).refreshes).toBe(refreshesBefore);

      const errors = logged.filter((line) => line.level === "error" && /CONFIGURATION ERROR/.test(String(line.msg)));
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toMatchObject({
        storedKeyId: tokenKeyId(settings.encryptionKeys[0]!),
        configuredKeyIds: tokenKeyId(wrong.encryptionKeys[0]!),
      });
      expect(JSON.stringify(logged)).not.toContain(tokens.refreshToken);

      // The right key back: the stored refresh token still works.
      const resumed = await merchantCredentials(database.db, settings);
      expect(resumed.mode).toBe("oauth");
      expect((await sandboxOAuth()).refreshes).toBe(refreshesBefore + 1);
    },
  );

  it.skipIf(skip)(
    "rotation: tokens sealed before key ids open with the previous key, and the next refresh seals with the newest",
    async () => {
      const previous = settings.encryptionKeys[0]!;
      const tokens = await link(database);
      // As an existing deployment stored them: `iv.tag.ciphertext`, no key id.
      await database.db.update(cashfreeConnections).set({
        accessTokenCipher: sealedWithoutKeyId(previous, tokens.accessToken),
        refreshTokenCipher: sealedWithoutKeyId(previous, tokens.refreshToken),
      });
      const newest = randomBytes(32);
      const rotated = { ...settings, encryptionKeys: [newest, previous] };
      const refreshesBefore = (await sandboxOAuth()).refreshes;

      expect(await merchantCredentials(database.db, rotated)).toMatchObject({
        mode: "oauth",
        accessToken: tokens.accessToken,
      });
      expect((await sandboxOAuth()).refreshes).toBe(refreshesBefore);

      await expireIn(database, 0);
      const refreshed = await merchantCredentials(database.db, rotated);
      expect(refreshed.mode).toBe("oauth");
      expect((await sandboxOAuth()).refreshes).toBe(refreshesBefore + 1);
      const after = await row(database);
      for (const cipher of [after.accessTokenCipher!, after.refreshTokenCipher!])
        expect(cipher.split(".")[0]).toBe(tokenKeyId(newest));
      // The previous key can go now.
      expect(await merchantCredentials(database.db, { ...settings, encryptionKeys: [newest] })).toEqual(refreshed);
    },
  );

  it.skipIf(skip)("no connection, or a disconnected one, means API keys", async () => {
    await database.db.delete(cashfreeConnections).where(eq(cashfreeConnections.id, "primary"));
    expect(await merchantCredentials(database.db, settings)).toEqual({ mode: "keys" });
    await link(database);
    await queries.setConnectionStatus(database.db, "disconnected", "test");
    expect(await merchantCredentials(database.db, settings)).toEqual({ mode: "keys" });
  });
});

describe.skipIf(!postgres)("OAuth token refresh by two instances (two connection pools, one PostgreSQL)", () => {
  let database: TestDatabase;
  let other: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 12 });
    other = await openDatabase({ driver: "pg", url: database.url, poolSize: 12 });
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
  });

  it("both finding the token expiring at once: one refresh at Cashfree, and both use its token", async () => {
    await link(database);
    await expireIn(database, 0);
    const before = await sandboxOAuth();
    const results = await Promise.all(
      [database.db, other.db].flatMap((db) => Array.from({ length: 10 }, () => merchantCredentials(db, settings))),
    );
    expect((await sandboxOAuth()).refreshes - before.refreshes).toBe(1);
    expect(new Set(results.map((r) => (r.mode === "oauth" ? r.accessToken : r.mode))).size).toBe(1);
  });

  it("both told by Cashfree that the same token is refused: one refresh", async () => {
    const tokens = await link(database);
    const before = await sandboxOAuth();
    const results = await Promise.all(
      [database.db, other.db].map((db) => merchantCredentials(db, settings, { rejectedToken: tokens.accessToken })),
    );
    expect((await sandboxOAuth()).refreshes - before.refreshes).toBe(1);
    const [first, second] = results.map((r) => (r.mode === "oauth" ? r.accessToken : r.mode));
    expect(first).toBe(second);
    expect(first).not.toBe(tokens.accessToken);
  });
});
