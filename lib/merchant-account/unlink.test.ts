import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cashfreeConnections, webhookEvents } from "@/db/schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { encryptToken } from "@/lib/cashfree/token-crypto";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";
import { signedHeaders } from "@/lib/testing/webhook-fixtures";
import { SANDBOX_MERCHANT_ID, SANDBOX_PARTNER_API_KEY } from "@/sandbox/defaults";

// merchant.unlinked through the partner endpoint on real PostgreSQL. Cashfree retries a webhook at 2, 10 and 30
// minutes, so an unlink missed during an outage can arrive after the owner reconnected: it must not end the new
// connection (issue 26).
const postgres = await requirePostgres();

let database: TestDatabase;
let queries: typeof import("@/db/queries/cashfree-connections");
let connect: typeof import("./connect");

/** Cashfree's event_time: whole seconds, India time. */
const istTime = (ms: number) => `${new Date(ms + 330 * 60_000).toISOString().slice(0, 19)}+05:30`;

/** A signed merchant.unlinked delivery, as Cashfree sends it to the partner endpoint. */
async function deliverUnlink(eventTimeMs: number) {
  const body = JSON.stringify({
    type: "merchant.unlinked",
    event_time: istTime(eventTimeMs),
    data: { merchant_id: SANDBOX_MERCHANT_ID, connection_status: "Unlinked" },
  });
  const answer = await deliverWebhook({
    rawBody: body,
    headers: signedHeaders(body, { secret: SANDBOX_PARTNER_API_KEY }),
    remoteAddress: "127.0.0.1",
    channel: "partner",
  });
  expect(answer).toMatchObject({ status: 200, body: { ok: true, status: "received" } });
  const [stored] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.rawBody, body));
  return stored!;
}

/** The owner (re)connects at `atMs`, with tokens sealed as the callback seals them (nothing calls Cashfree). */
async function connectAt(atMs: number) {
  const keys = (await import("@/lib/env")).env.cashfree.partner!.encryptionKeys;
  await queries.saveLinkedConnection(database.db, {
    accessTokenCipher: encryptToken(keys, "cfat_access-token-for-test"),
    refreshTokenCipher: encryptToken(keys, "cfrt_refresh-token-for-test"),
    accessExpiresAt: new Date(atMs + 3_600_000),
    refreshExpiresAt: new Date(atMs + 90 * 86_400_000),
    merchantId: SANDBOX_MERCHANT_ID,
    environment: "local",
    connectedBy: "test",
  });
  await database.db.update(cashfreeConnections).set({ connectedAt: new Date(atMs) });
}

describe.skipIf(!postgres)("merchant.unlinked on real PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg");
    Object.assign(process.env, { DATABASE_URL: database.url, CASHFREE_ENV: "local" });
    queries = await import("@/db/queries/cashfree-connections");
    connect = await import("./connect");
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("an unlink older than the current connection is kept, marked ignored as stale, and changes nothing", async () => {
    const reconnectedAt = Date.now() - 60_000;
    await connectAt(reconnectedAt);
    const before = await queries.getConnection(database.db);

    // Unlinked 20 minutes before the reconnect; Cashfree's 30-minute retry delivers it only now.
    const stale = await deliverUnlink(reconnectedAt - 20 * 60_000);
    expect(stale).toMatchObject({ eventType: "merchant.unlinked", outcome: "ignored" });
    expect(stale.lastError).toMatch(/^Stale: unlinked at .* before the current connection was made/);
    expect(await queries.getConnection(database.db)).toEqual(before);
    expect(await connect.paymentsPaused()).toBeNull();
  });

  it("an unlink in the second the connection was made, or after it, ends it", async () => {
    // event_time has whole seconds: an unlink at 12:00:00.9 reads 12:00:00 and still ends a 12:00:00.5 link.
    const connectedAt = Math.floor(Date.now() / 1000) * 1000 - 30_000 + 500;
    await connectAt(connectedAt);
    const sameSecond = await deliverUnlink(connectedAt);
    expect(sameSecond).toMatchObject({ outcome: "applied", lastError: null });
    expect(await queries.getConnection(database.db)).toMatchObject({
      status: "unlinked",
      accessTokenCipher: null,
      refreshTokenCipher: null,
    });
    expect(await connect.paymentsPaused()).toMatchObject({ status: "unlinked" });

    await connectAt(Date.now() - 10_000);
    expect(await deliverUnlink(Date.now())).toMatchObject({ outcome: "applied" });
    expect(await connect.paymentsPaused()).toMatchObject({ status: "unlinked" });
  });
});
