import { createHash, randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Admin } from "@/lib/auth/admins";
import { signedHeaders } from "@/lib/testing/webhook-fixtures";
import { SANDBOX_MERCHANT_ID, SANDBOX_PARTNER_API_KEY } from "@/sandbox/defaults";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";

// The connect flow against a real sandbox over HTTP and an in-memory database: every bad callback is refused
// and leaves the connection exactly as it was.
const REDIRECT = "http://localhost:3000/api/cashfree/oauth/callback";
let sandbox: TestSandbox;
let connect: typeof import("./connect");
let queries: typeof import("@/db/queries/cashfree-connections");
let db: Awaited<ReturnType<typeof import("@/db").getDb>>;

const owner: Admin = {
  id: randomUUID(),
  email: "owner@example.com",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};
const session = randomUUID();
const logged: string[] = [];

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  sandbox = await startTestSandbox({ oauthRedirectUri: REDIRECT });
  Object.assign(process.env, {
    PGLITE_DIR: "memory://",
    DATABASE_URL: "",
    CASHFREE_ENV: "local",
    CASHFREE_PARTNER_BASE_URL: sandbox.sandbox.url,
  });
  // The app's logger (JSON lines) and, for the in-process sandbox's own output, the console.
  (await import("@/lib/log")).tapLogLines((line) => logged.push(JSON.stringify(line)));
  connect = await import("./connect");
  queries = await import("@/db/queries/cashfree-connections");
  db = await (await import("@/db")).getDb();
});
afterAll(async () => {
  await (await import("@/db")).closeDb();
  await sandbox.close();
});

/** Connect → the sandbox consent page → "Allow access": the callback's query. */
async function consent(decision: "allow" | "deny" = "allow") {
  const started = await connect.startCashfreeConnect(owner, session);
  if (!started.ok) throw new Error(started.outcome);
  const back = await fetch(started.url, {
    method: "POST",
    body: new URLSearchParams({ decision }),
    redirect: "manual",
  });
  const url = new URL(back.headers.get("location")!);
  expect(url.origin + url.pathname).toBe(REDIRECT);
  return Object.fromEntries(url.searchParams) as Record<string, string>;
}

const snapshot = async () => JSON.stringify((await queries.getConnection(db)) ?? null);

describe("Connect with Cashfree", () => {
  it("stores only the state's hash, bound to the owner's session", async () => {
    const started = await connect.startCashfreeConnect(owner, session);
    expect(started.ok).toBe(true);
    const link = await fetch(started.ok ? started.url : "").then((r) => r.text());
    expect(link).toContain("Connect your Cashfree account");
    const { oauthStates } = await import("@/db/schema");
    const states = await db.select().from(oauthStates);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) {
      expect(state.stateHash).toMatch(/^[0-9a-f]{64}$/);
      expect(state).toMatchObject({ adminUserId: owner.id, sessionId: session, usedAt: null });
    }
  });

  it("refuses a forged state, another session's state and a replayed one; nothing is written", async () => {
    const query = await consent();
    const before = await snapshot();
    expect(await connect.completeCashfreeConnect(owner, session, { ...query, state: "forged-state-123" })).toBe(
      "bad_state",
    );
    expect(await connect.completeCashfreeConnect(owner, randomUUID(), query)).toBe("bad_state");
    expect(await connect.completeCashfreeConnect({ ...owner, id: randomUUID() }, session, query)).toBe("bad_state");
    expect(await connect.completeCashfreeConnect(owner, session, { ...query, state: undefined })).toBe("bad_state");
    expect(await snapshot()).toBe(before);

    expect(await connect.completeCashfreeConnect(owner, session, query)).toBe("connected");
    const linked = await queries.getConnection(db);
    expect(linked).toMatchObject({ status: "linked", merchantId: SANDBOX_MERCHANT_ID, environment: "local" });
    // A replay of the same callback is refused, even though it once was good.
    const after = await snapshot();
    expect(await connect.completeCashfreeConnect(owner, session, query)).toBe("bad_state");
    expect(await snapshot()).toBe(after);
  });

  it("an expired state is refused", async () => {
    const query = await consent();
    const { oauthStates } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const hash = createHash("sha256").update(query.state!).digest("hex");
    await db
      .update(oauthStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oauthStates.stateHash, hash));
    expect(await connect.completeCashfreeConnect(owner, session, query)).toBe("bad_state");
  });

  it("an expired code (Cashfree 4xx) and a token endpoint that is down leave the connection as it was", async () => {
    const before = await snapshot();
    const expired = await consent();
    await fetch(`${sandbox.sandbox.url}/_sandbox/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ms: 6 * 60_000 }),
    });
    expect(await connect.completeCashfreeConnect(owner, session, expired)).toBe("code_refused");
    expect(await snapshot()).toBe(before);

    const down = await consent();
    await fetch(`${sandbox.sandbox.url}/_sandbox/oauth/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token_fail_next: 1 }),
    });
    expect(await connect.completeCashfreeConnect(owner, session, down)).toBe("unavailable");
    expect(await snapshot()).toBe(before);
    expect(connect.CONNECT_OUTCOMES.unavailable.text).toMatch(/could not be reached.*Nothing changed/);
  });

  it("denied consent changes nothing", async () => {
    const before = await snapshot();
    expect(await connect.completeCashfreeConnect(owner, session, await consent("deny"))).toBe("denied");
    expect(await snapshot()).toBe(before);
  });

  it("merchant.unlinked, verified with the partner key, pauses payments; reconnecting resumes them", async () => {
    expect(await connect.completeCashfreeConnect(owner, session, await consent())).toBe("connected");
    expect(await connect.paymentsPaused()).toBeNull();
    const body = JSON.stringify({
      type: "merchant.unlinked",
      event_time: new Date().toISOString(),
      data: { merchant_id: SANDBOX_MERCHANT_ID, connection_status: "Unlinked" },
    });
    // Signed with the PG secret instead of the partner key: refused, nothing changes.
    const forged = await deliverWebhook({
      rawBody: body,
      headers: signedHeaders(body),
      remoteAddress: "127.0.0.1",
      channel: "partner",
    });
    expect(forged.status).toBe(401);
    expect(await connect.paymentsPaused()).toBeNull();

    const genuine = await deliverWebhook({
      rawBody: body,
      headers: signedHeaders(body, { secret: SANDBOX_PARTNER_API_KEY }),
      remoteAddress: "127.0.0.1",
      channel: "partner",
    });
    expect(genuine).toMatchObject({ status: 200, body: { ok: true, status: "received" } });
    expect(await connect.paymentsPaused()).toMatchObject({ status: "unlinked" });
    const { webhookEvents } = await import("@/db/schema");
    const kept = await db.select().from(webhookEvents);
    const unlinked = kept.find((e) => e.eventType === "merchant.unlinked");
    expect(unlinked).toMatchObject({ outcome: "applied", rawBody: body });

    // Reconnect in a later second than the unlink (Cashfree's event_time has whole seconds).
    await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
    expect(await connect.completeCashfreeConnect(owner, session, await consent())).toBe("connected");
    expect(await connect.paymentsPaused()).toBeNull();

    // The admin's Replay reads the stored event as the partner endpoint did (read as a PG event it would be an
    // unknown type, ignored without a word): an unlink older than the new connection, it is ignored as stale.
    const { replayWebhookEvent } = await import("@/lib/admin/order-operations");
    expect(await replayWebhookEvent(unlinked!.id)).toEqual({ ok: true, message: "Replayed: ignored." });
    const [replayed] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, unlinked!.id));
    expect(replayed!.lastError).toMatch(/^Stale: /);
    expect(await connect.paymentsPaused()).toBeNull();
  });

  it("disconnect revokes at Cashfree and goes back to API keys", async () => {
    expect(await connect.disconnectCashfree(owner)).toBe("disconnected");
    const view = await connect.getConnectionView("local");
    expect(view).toMatchObject({ mode: "keys", status: "disconnected" });
    const state = (await (await fetch(`${sandbox.sandbox.url}/_sandbox/oauth`)).json()) as {
      linked: Record<string, boolean>;
    };
    expect(state.linked[SANDBOX_MERCHANT_ID]).toBe(false);
    expect(await connect.paymentsPaused()).toBeNull();
  });

  it("never logs a token, whatever failed", () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toMatch(/cf[ar]t_[\w-]{10,}/);
  });
});
