import { createHmac } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SANDBOX_MERCHANT_ID, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_PARTNER_API_KEY } from "./defaults";
import {
  orderBody,
  startTestSandbox,
  startWebhookReceiver,
  type TestSandbox,
  type WebhookReceiver,
} from "./testing/harness";

let t: TestSandbox;
let partnerHooks: WebhookReceiver;
const REDIRECT = "http://localhost:3000/partner/callback";
const partnerHeaders = {
  "content-type": "application/json",
  "x-partner-apikey": SANDBOX_PARTNER_API_KEY,
  "oauth-client-id": SANDBOX_OAUTH_CLIENT_ID,
};

beforeAll(async () => {
  partnerHooks = await startWebhookReceiver();
  t = await startTestSandbox({ oauthRedirectUri: REDIRECT, partnerWebhookUrl: partnerHooks.url });
});
afterAll(async () => {
  await t.close();
  await partnerHooks.close();
});

async function partner(method: string, path: string, body?: unknown, headers: Record<string, string> = partnerHeaders) {
  const res = await fetch(`${t.sandbox.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Auth link → consent page → "Allow access" → the code on the redirect URL. */
async function consent(decision: "allow" | "deny" = "allow") {
  const link = await partner("POST", "/partners/oauth/auth_link", {
    response_type: "code",
    scope: "read_write",
    state: "state-123456",
  });
  expect(link.status).toBe(200);
  expect(link.body.expires_at).toMatch(/\+0530$/);
  const pageHtml = await (await fetch(link.body.auth_link!)).text();
  expect(pageHtml).toContain("Connect your Cashfree account");
  const back = await fetch(link.body.auth_link!, {
    method: "POST",
    body: new URLSearchParams({ decision }),
    redirect: "manual",
  });
  expect(back.status).toBe(302);
  return new URL(back.headers.get("location")!);
}

describe("partner OAuth", () => {
  it("links a merchant: code → tokens; the access token works on the PG API", async () => {
    const back = await consent();
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe("state-123456");
    expect(back.searchParams.get("merchant_id")).toBe(SANDBOX_MERCHANT_ID);
    expect(back.searchParams.get("scope")).toBe("read_write");
    const tokens = await partner("POST", "/partners/oauth/token", {
      grant_type: "authorization_code",
      code: back.searchParams.get("code"),
    });
    expect(tokens.body).toMatchObject({
      merchant_id: SANDBOX_MERCHANT_ID,
      connection_status: "Linked",
      token_type: "bearer",
      expires_in: 86400,
    });

    const bearer = {
      authorization: `Bearer ${tokens.body.access_token}`,
      "x-api-version": "2023-08-01",
      "content-type": "application/json",
    };
    const created = await fetch(`${t.sandbox.url}/pg/orders`, {
      method: "POST",
      headers: bearer,
      body: JSON.stringify(orderBody()),
    });
    expect(created.status).toBe(200);
    // A code works once.
    expect(
      (
        await partner("POST", "/partners/oauth/token", {
          grant_type: "authorization_code",
          code: back.searchParams.get("code"),
        })
      ).body.code,
    ).toBe("code_invalid");
  });

  it("rotates refresh tokens: the old one dies at once", async () => {
    const back = await consent();
    const first = await partner("POST", "/partners/oauth/token", {
      grant_type: "authorization_code",
      code: back.searchParams.get("code"),
    });
    const second = await partner("POST", "/partners/oauth/token", {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token,
    });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    const reused = await partner("POST", "/partners/oauth/token", {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token,
    });
    expect(reused).toMatchObject({ status: 400, body: { code: "refresh_token_invalid" } });
  });

  it("revokes: every token of the merchant stops working", async () => {
    const back = await consent();
    const tokens = await partner("POST", "/partners/oauth/token", {
      grant_type: "authorization_code",
      code: back.searchParams.get("code"),
    });
    const revoked = await partner("POST", `/partners/oauth/${SANDBOX_MERCHANT_ID}/revoke`);
    expect(revoked.body).toEqual({ merchant_id: SANDBOX_MERCHANT_ID, connection_status: "Unlinked" });
    const res = await fetch(`${t.sandbox.url}/pg/orders/x`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}`, "x-api-version": "2025-01-01" },
    });
    expect(res.status).toBe(401);
    expect(
      (
        await partner("POST", "/partners/oauth/token", {
          grant_type: "refresh_token",
          refresh_token: tokens.body.refresh_token,
        })
      ).status,
    ).toBe(400);
  });

  it("reports merchant status, and refuses bad partner credentials and denied consent", async () => {
    const status = await partner("GET", `/partners/merchants/${SANDBOX_MERCHANT_ID}`);
    expect(status.body).toMatchObject({ merchant_id: SANDBOX_MERCHANT_ID, onboarding_status: "ACTIVE" });
    const wrong = await partner(
      "POST",
      "/partners/oauth/auth_link",
      { response_type: "code", scope: "read_write" },
      { ...partnerHeaders, "x-partner-apikey": "nope" },
    );
    expect(wrong).toMatchObject({ status: 401, body: { code: "partner_apikey_invalid" } });
    expect(
      (await partner("POST", "/partners/oauth/auth_link", { response_type: "token", scope: "read_write" })).status,
    ).toBe(400);
    const denied = await consent("deny");
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("code")).toBeNull();
    const fake = await fetch(`${t.sandbox.url}/pg/orders/x`, {
      headers: { authorization: "Bearer made-up", "x-api-version": "2025-01-01" },
    });
    expect(fake.status).toBe(401);
  });
});

describe("partner OAuth controls", () => {
  const control = async (path: string, body: unknown = {}) =>
    (await fetch(`${t.sandbox.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, unknown>;
  const linkTokens = async () => {
    const back = await consent();
    return (
      await partner("POST", "/partners/oauth/token", {
        grant_type: "authorization_code",
        code: back.searchParams.get("code"),
      })
    ).body;
  };

  it("counts refreshes, records bearer calls, and fails the token endpoint on demand without spending the grant", async () => {
    const tokens = await linkTokens();
    const before = (await (await fetch(`${t.sandbox.url}/_sandbox/oauth`)).json()) as { refreshes: number };
    await control("/_sandbox/oauth/faults", { token_fail_next: 1 });
    const down = await partner("POST", "/partners/oauth/token", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expect(down.status).toBe(503);
    const refreshed = await partner("POST", "/partners/oauth/token", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    await fetch(`${t.sandbox.url}/pg/orders`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${refreshed.body.access_token}`,
        "x-api-version": "2025-01-01",
        "content-type": "application/json",
      },
      body: JSON.stringify(orderBody()),
    });
    const after = (await (await fetch(`${t.sandbox.url}/_sandbox/oauth`)).json()) as {
      refreshes: number;
      bearer_calls: { method: string; path: string }[];
    };
    expect(after.refreshes).toBe(before.refreshes + 1);
    expect(after.bearer_calls.at(-1)).toMatchObject({ method: "POST", path: "/pg/orders" });
  });

  it("revokes refresh tokens and expires access tokens on demand", async () => {
    const tokens = await linkTokens();
    await control("/_sandbox/oauth/refresh-tokens/revoke");
    expect(
      await partner("POST", "/partners/oauth/token", {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
      }),
    ).toMatchObject({ status: 400, body: { code: "refresh_token_invalid" } });
    await control("/_sandbox/oauth/access-tokens/expire");
    const res = await fetch(`${t.sandbox.url}/pg/orders/x`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, "x-api-version": "2025-01-01" },
    });
    expect(res.status).toBe(401);
  });

  it("unlinks the merchant and sends merchant.unlinked signed with the partner API key", async () => {
    await linkTokens();
    const seen = partnerHooks.received.length;
    const unlinked = await control("/_sandbox/oauth/unlink");
    expect(unlinked).toMatchObject({ merchant_id: SANDBOX_MERCHANT_ID, connection_status: "Unlinked" });
    const [hook] = (await partnerHooks.waitFor(seen + 1)).slice(seen);
    const body = JSON.parse(hook!.body) as { type: string; data: { merchant_id: string } };
    expect(body).toMatchObject({ type: "merchant.unlinked", data: { merchant_id: SANDBOX_MERCHANT_ID } });
    const timestamp = String(hook!.headers["x-webhook-timestamp"]);
    expect(hook!.headers["x-webhook-signature"]).toBe(
      createHmac("sha256", SANDBOX_PARTNER_API_KEY)
        .update(timestamp + hook!.body)
        .digest("base64"),
    );
  });
});
