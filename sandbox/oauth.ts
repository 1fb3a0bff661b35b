import { CfError, missing } from "./errors";
import { escapeHtml as e, html, redirect, type Reply, type Request, Router } from "./http";
import { page } from "./pages";
import type { SandboxEngine } from "./engine";
import { token } from "./store";
import { istTimestamp } from "./clock";
import { WebhookSender } from "./webhooks";

/**
 * Cashfree's partner OAuth (https://www.cashfree.com/docs/partners/embedded/oauth-flow): auth link → consent page → code → tokens, refresh with
 * rotation (the old refresh token dies at once), revoke, merchant status. The issued access tokens are
 * accepted as `Authorization: Bearer` on the PG API.
 */
export interface OAuthOptions {
  partnerApiKey: string;
  oauthClientId: string;
  /** Where consent sends the browser back; Cashfree keeps it in the partner dashboard. */
  redirectUri: string | null;
  merchantId: string;
  merchantName: string;
  /** Where partner webhooks (merchant.unlinked) go; Cashfree keeps it in the partner dashboard. */
  partnerWebhookUrl: string | null;
  webhookRetryScheduleMs: number[];
}

const HOUR = 3_600_000;
const ACCESS_TTL_MS = 24 * HOUR;
const REFRESH_TTL_MS = 90 * 24 * HOUR;
const CODE_TTL_MS = 5 * 60_000;

/** Cashfree writes these with a +0530 offset without a colon. */
function partnerTimestamp(ms: number) {
  return `${new Date(ms + 330 * 60_000).toISOString().slice(0, 19)}+0530`;
}

const partnerAuthFailed = () =>
  new CfError(401, "partner_apikey_invalid", "authentication_error", "x-partner-apikey or oauth-client-id is invalid");

/**
 * Partner webhooks. Cashfree says they are "verified using your partner API key"; their format is UNCONFIRMED.
 * The sandbox signs them like PG webhooks (x-webhook-signature = base64 HMAC-SHA256 of timestamp + raw body,
 * x-webhook-timestamp in ms) keyed with the partner API key, with body
 * `{"type":"merchant.unlinked","event_time":…,"data":{"merchant_id":…,"connection_status":"Unlinked"}}`.
 */
function partnerWebhooks(engine: SandboxEngine, options: OAuthOptions) {
  const sender = new WebhookSender({
    secret: options.partnerApiKey,
    retrySchedule: options.webhookRetryScheduleMs,
    timeoutMs: 10_000,
    clock: engine.clock,
    log: engine.state.deliveries,
    onChange: () => {},
  });
  return {
    sender,
    unlinked(merchantId: string, url: string | null) {
      const target = url ?? options.partnerWebhookUrl;
      if (!target) return null;
      const body = JSON.stringify({
        type: "merchant.unlinked",
        event_time: istTimestamp(engine.clock.now()),
        data: { merchant_id: merchantId, connection_status: "Unlinked" },
      });
      return sender.send(target, "merchant.unlinked", body, "2025-01-01");
    },
  };
}

/** Every token of the merchant dies at once and the link is gone (revoke, or the merchant unlinks). */
function unlinkMerchant(engine: SandboxEngine, merchantId: string) {
  const oauth = engine.state.oauth;
  for (const table of [oauth.accessTokens, oauth.refreshTokens]) {
    for (const [key, grant] of Object.entries(table)) if (grant.merchantId === merchantId) delete table[key];
  }
  oauth.linked[merchantId] = false;
}

export function createOAuthRoutes(engine: SandboxEngine, options: OAuthOptions) {
  const router = new Router();
  const oauth = () => engine.state.oauth;
  const now = () => engine.clock.now();
  const webhooks = partnerWebhooks(engine, options);
  const requirePartner = (req: Request) => {
    if (req.headers["x-partner-apikey"] !== options.partnerApiKey) throw partnerAuthFailed();
  };
  const requireClient = (req: Request) => {
    requirePartner(req);
    if (req.headers["oauth-client-id"] !== options.oauthClientId) throw partnerAuthFailed();
  };
  const tokens = (merchantId: string): Reply => {
    const accessToken = `cfat_${token(32)}`;
    const refreshToken = `cfrt_${token(32)}`;
    oauth().accessTokens[accessToken] = { merchantId, expiresMs: now() + ACCESS_TTL_MS };
    oauth().refreshTokens[refreshToken] = { merchantId, expiresMs: now() + REFRESH_TTL_MS };
    oauth().linked[merchantId] = true;
    return {
      status: 200,
      body: {
        merchant_id: merchantId,
        connection_status: "Linked",
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: "bearer",
        expires_in: ACCESS_TTL_MS / 1000,
      },
    };
  };

  router.on("POST", "/partners/oauth/auth_link", (req) => {
    requireClient(req);
    const body = req.json();
    if (body.response_type !== "code")
      throw new CfError(400, "response_type_invalid", "invalid_request_error", "response_type : should be code");
    if (body.scope !== "read_write")
      throw new CfError(400, "scope_invalid", "invalid_request_error", "scope : should be read_write");
    const state = body.state === undefined ? null : String(body.state);
    if (state !== null && (state.length < 8 || state.length > 64))
      throw new CfError(400, "state_invalid", "invalid_request_error", "state : should be 8 to 64 characters");
    // Deviation: Cashfree reads the redirect URL from the partner dashboard; the sandbox also takes it here.
    const redirectUri = body.redirect_uri ? String(body.redirect_uri) : options.redirectUri;
    if (!redirectUri) throw missing("redirect_uri");
    const id = token(16);
    const created = now();
    oauth().links[id] = { state, redirectUri, expiresMs: created + HOUR };
    return {
      status: 200,
      body: {
        created_at: partnerTimestamp(created),
        expires_at: partnerTimestamp(created + HOUR),
        auth_link: `${engine.options.baseUrl()}/partners/oauth/consent/${id}`,
      },
    };
  });

  router.on("GET", "/partners/oauth/consent/:id", (_req, [id]) => {
    const link = oauth().links[id!];
    if (!link || link.expiresMs < now())
      return html(
        page(
          "Link expired",
          `<div class="card" role="alert"><h1>Link expired</h1><p>This authorization link is no longer valid. Ask the platform for a new one.</p></div>`,
        ),
        400,
      );
    return html(
      page(
        "Connect your Cashfree account",
        `<div class="card"><p class="muted">Cashfree sandbox</p><h1>Connect your Cashfree account</h1>
<p>A partner platform asks to create orders, refunds and payment links for <strong>${e(options.merchantName)}</strong> (${e(options.merchantId)}).</p>
<form method="post" action="/partners/oauth/consent/${e(id)}"><button class="primary" type="submit" name="decision" value="allow">Allow access</button>
<button class="secondary" type="submit" name="decision" value="deny" style="margin-top:10px">Deny</button></form></div>`,
      ),
    );
  });

  router.on("POST", "/partners/oauth/consent/:id", (req, [id]) => {
    const link = oauth().links[id!];
    if (!link || link.expiresMs < now())
      return html(page("Link expired", `<div class="card" role="alert"><h1>Link expired</h1></div>`), 400);
    delete oauth().links[id!];
    const back = new URL(link.redirectUri);
    if (req.form().get("decision") !== "allow") {
      back.searchParams.set("error", "access_denied");
    } else {
      const code = token(24);
      oauth().codes[code] = { merchantId: options.merchantId, expiresMs: now() + CODE_TTL_MS };
      back.searchParams.set("merchant_id", options.merchantId);
      back.searchParams.set("code", code);
      back.searchParams.set("scope", "read_write");
    }
    if (link.state) back.searchParams.set("state", link.state);
    return redirect(back.toString());
  });

  router.on("POST", "/partners/oauth/token", (req) => {
    requireClient(req);
    if (oauth().tokenFailNext > 0) {
      // Injected outage: answered before the grant is read, so nothing is spent.
      oauth().tokenFailNext--;
      throw new CfError(503, "service_unavailable", "api_error", "token service is temporarily unavailable");
    }
    const body = req.json();
    if (body.grant_type === "authorization_code") {
      const code = String(body.code ?? "");
      const grant = oauth().codes[code];
      delete oauth().codes[code];
      if (!grant || grant.expiresMs < now())
        throw new CfError(400, "code_invalid", "invalid_request_error", "authorization code is invalid or expired");
      return tokens(grant.merchantId);
    }
    if (body.grant_type === "refresh_token") {
      const refresh = String(body.refresh_token ?? "");
      const grant = oauth().refreshTokens[refresh];
      // Rotation: whatever happens next, this refresh token is spent.
      delete oauth().refreshTokens[refresh];
      if (!grant || grant.expiresMs < now() || !oauth().linked[grant.merchantId])
        throw new CfError(400, "refresh_token_invalid", "invalid_request_error", "refresh token is invalid or expired");
      oauth().refreshes++;
      return tokens(grant.merchantId);
    }
    throw new CfError(
      400,
      "grant_type_invalid",
      "invalid_request_error",
      "grant_type : should be authorization_code or refresh_token",
    );
  });

  router.on("POST", "/partners/oauth/:merchant/revoke", (req, [merchant]) => {
    requireClient(req);
    const wasLinked = oauth().linked[merchant!] === true;
    unlinkMerchant(engine, merchant!);
    // Deviation (UNCONFIRMED): the sandbox also reports a partner's own revoke as merchant.unlinked.
    if (wasLinked) webhooks.unlinked(merchant!, null);
    return { status: 200, body: { merchant_id: merchant, connection_status: "Unlinked" } };
  });

  router.on("GET", "/partners/merchants/:merchant", (req, [merchant]) => {
    requirePartner(req);
    if (merchant !== options.merchantId)
      throw new CfError(404, "merchant_not_found", "invalid_request_error", "merchant not found");
    return {
      status: 200,
      body: {
        merchant_id: options.merchantId,
        merchant_name: options.merchantName,
        merchant_email: "merchant@sandbox.local",
        created_at: partnerTimestamp(0),
        onboarding_status: "ACTIVE",
        product_status: [
          {
            product_name: "PG",
            activation_status: "ACTIVE",
            product_min_kyc_status: "MIN_KYC_APPROVED",
            product_full_kyc_status: "FULL_KYC_PENDING",
          },
        ],
      },
    };
  });

  return { router, webhooks };
}

/** /_sandbox/oauth controls: see the partner state, fail the token endpoint, revoke or expire tokens, unlink. */
export function createOAuthControlRoutes(engine: SandboxEngine, partner: ReturnType<typeof createOAuthRoutes>) {
  const router = new Router();
  const oauth = () => engine.state.oauth;
  const ok = (body: unknown): Reply => ({ status: 200, body });
  const view = () => ({
    linked: oauth().linked,
    refreshes: oauth().refreshes,
    access_tokens: Object.keys(oauth().accessTokens).length,
    refresh_tokens: Object.keys(oauth().refreshTokens).length,
    token_fail_next: oauth().tokenFailNext,
    bearer_calls: oauth().bearerCalls,
  });

  router.on("GET", "/_sandbox/oauth", () => ok(view()));
  router.on("POST", "/_sandbox/oauth/faults", (req) => {
    const value = req.json().token_fail_next ?? 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
      throw new CfError(400, "token_fail_next_invalid", "invalid_request_error", "token_fail_next : should be >= 0");
    oauth().tokenFailNext = value;
    return ok(view());
  });
  /** Cashfree invalidated the refresh tokens (e.g. 90 days passed, or support revoked them); still linked. */
  router.on("POST", "/_sandbox/oauth/refresh-tokens/revoke", () => {
    oauth().refreshTokens = {};
    return ok(view());
  });
  router.on("POST", "/_sandbox/oauth/access-tokens/expire", () => {
    for (const grant of Object.values(oauth().accessTokens)) grant.expiresMs = engine.clock.now() - 1;
    return ok(view());
  });
  /** The merchant unlinks the partner in Cashfree's dashboard: tokens die, merchant.unlinked is sent. */
  router.on("POST", "/_sandbox/oauth/unlink", (req) => {
    const body = req.json();
    const merchantId = String(body.merchant_id ?? Object.keys(oauth().linked)[0] ?? "");
    if (!merchantId) throw missing("merchant_id");
    unlinkMerchant(engine, merchantId);
    const delivery = partner.webhooks.unlinked(merchantId, body.webhook_url ? String(body.webhook_url) : null);
    return ok({ merchant_id: merchantId, connection_status: "Unlinked", delivery_id: delivery?.id ?? null });
  });
  return router;
}
