import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SANDBOX_MERCHANT_ID, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_PARTNER_API_KEY } from "./defaults";
import { orderBody, startTestSandbox, type TestSandbox } from "./testing/harness";

let t: TestSandbox;
const REDIRECT = "http://localhost:3000/partner/callback";
const partnerHeaders = {
  "content-type": "application/json",
  "x-partner-apikey": SANDBOX_PARTNER_API_KEY,
  "oauth-client-id": SANDBOX_OAUTH_CLIENT_ID,
};

beforeAll(async () => {
  t = await startTestSandbox({ oauthRedirectUri: REDIRECT });
});
afterAll(() => t.close());

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
