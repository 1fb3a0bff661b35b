import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { type ApiFaults, createApi } from "./api";
import { createCheckoutRoutes } from "./checkout";
import { SandboxClock } from "./clock";
import { createControlRoutes } from "./control";
import { debugPage } from "./debug-page";
import {
  SANDBOX_DEFAULT_APP_ID,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_DEFAULT_SECRET_KEY,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OAUTH_CLIENT_ID,
  SANDBOX_PARTNER_API_KEY,
} from "./defaults";
import { SandboxEngine } from "./engine";
import { badUrl, CfError } from "./errors";
import { html, readRequest, type Reply, type Request, send } from "./http";
import { createOAuthControlRoutes, createOAuthRoutes } from "./oauth";
import { sdkScript } from "./sdk-script";
import { emptyState, loadState, saveState, type SandboxState } from "./store";
import { WebhookSender } from "./webhooks";

export interface SandboxOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  appId?: string;
  secretKey?: string;
  /** Where webhooks go when an order has no notify_url. */
  webhookUrl?: string | null;
  webhookVersion?: string;
  /** Delays before each webhook retry; Cashfree retries after minutes, tests want milliseconds. */
  webhookRetryScheduleMs?: number[];
  webhookTimeoutMs?: number;
  /** How long a refund stays PENDING before it succeeds (with its webhook); 0: it is answered SUCCESS at once. */
  refundSettleMs?: number;
  /** Enables /_sandbox/* (faults, clock, trigger). Off by default, like any test backdoor should be. */
  controls?: boolean;
  rateLimitPerMinute?: number | null;
  /** JSON file to keep state across restarts (npm run dev); in memory when absent. */
  statePath?: string;
  merchantName?: string;
  partnerApiKey?: string;
  oauthClientId?: string;
  /** Where the partner OAuth consent page sends the browser back (Cashfree keeps it in the partner dashboard). */
  oauthRedirectUri?: string | null;
  /** Where partner webhooks (merchant.unlinked) go, signed with the partner API key. */
  partnerWebhookUrl?: string | null;
}

export interface RunningSandbox {
  url: string;
  port: number;
  appId: string;
  secretKey: string;
  engine: SandboxEngine;
  apiFaults: ApiFaults;
  /** PG API requests received since the start (or the last reset), by `METHOD /path`. */
  apiCalls: Map<string, number>;
  reset: () => void;
  close: () => Promise<void>;
}

const TIMEOUT_FAULT_MS = 60_000;
const COUNTED_PATHS = 10_000;

/** Counts a request (tests ask how often the shop called Cashfree); the oldest paths go first past the cap. */
function countCall(calls: Map<string, number>, key: string) {
  calls.set(key, (calls.get(key) ?? 0) + 1);
  if (calls.size > COUNTED_PATHS) calls.delete(calls.keys().next().value!);
}

/** Starts the local Cashfree sandbox: PG API, hosted checkout, cashfree.js and signed webhooks, on one origin. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const appId = options.appId ?? SANDBOX_DEFAULT_APP_ID;
  const secretKey = options.secretKey ?? SANDBOX_DEFAULT_SECRET_KEY;
  const clock = new SandboxClock();
  const state: SandboxState = loadState(options.statePath);
  let baseUrl = "";
  let saveTimer: NodeJS.Timeout | null = null;
  const persist = () => {
    if (!options.statePath || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      saveState(options.statePath, state);
    }, 200);
  };

  const sender = new WebhookSender({
    secret: secretKey,
    retrySchedule: options.webhookRetryScheduleMs ?? [2 * 60_000, 10 * 60_000, 30 * 60_000],
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    clock,
    log: state.deliveries,
    onChange: persist,
  });
  const engine = new SandboxEngine(state, clock, sender, {
    baseUrl: () => baseUrl,
    defaultWebhookUrl: options.webhookUrl ?? null,
    webhookVersion: options.webhookVersion ?? "2025-01-01",
    refundSettleMs: options.refundSettleMs ?? 5_000,
    defaultExpiryMs: 30 * 86_400_000,
  });
  const apiFaults: ApiFaults = { failNext: 0, failMode: "500" };
  const apiCalls = new Map<string, number>();
  const api = createApi(engine, {
    appId,
    secretKey,
    rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    faults: apiFaults,
  });
  const merchantName = options.merchantName ?? "Kaveri & Co. (sandbox merchant)";
  const checkout = createCheckoutRoutes(engine, merchantName);
  const partners = createOAuthRoutes(engine, {
    partnerApiKey: options.partnerApiKey ?? SANDBOX_PARTNER_API_KEY,
    oauthClientId: options.oauthClientId ?? SANDBOX_OAUTH_CLIENT_ID,
    redirectUri: options.oauthRedirectUri ?? null,
    merchantId: SANDBOX_MERCHANT_ID,
    merchantName,
    partnerWebhookUrl: options.partnerWebhookUrl ?? null,
    webhookRetryScheduleMs: options.webhookRetryScheduleMs ?? [2 * 60_000, 10 * 60_000, 30 * 60_000],
  });
  const reset = () => {
    // The sender keeps a reference to the delivery log: empty it in place.
    const deliveries = state.deliveries;
    Object.assign(state, emptyState(), { deliveries });
    deliveries.length = 0;
    clock.reset();
    sender.faults = {
      ...sender.faults,
      duplicate: 0,
      delayMs: 0,
      dropAttempts: 0,
      corruptSignature: false,
      staleTimestamp: false,
      reorder: false,
    };
    apiFaults.failNext = 0;
    apiCalls.clear();
    persist();
  };
  const control = options.controls ? createControlRoutes({ engine, apiFaults, apiCalls, reset }) : null;
  const oauthControl = options.controls ? createOAuthControlRoutes(engine, partners) : null;

  async function handle(req: Request): Promise<Reply | "timeout"> {
    if (req.method === "GET" && req.path === "/js/v3/cashfree.js") {
      return {
        status: 200,
        text: sdkScript(),
        contentType: "application/javascript; charset=utf-8",
        headers: { "cache-control": "no-cache", "access-control-allow-origin": "*" },
      };
    }
    if (req.method === "GET" && req.path === "/") return html(debugPage(engine, { appId, controls: Boolean(control) }));
    if (req.path.startsWith("/_sandbox/")) {
      const found = oauthControl?.match(req.method, req.path) ?? control?.match(req.method, req.path);
      return found
        ? found.handler(req, found.params)
        : {
            status: 404,
            body: {
              message: "sandbox controls are off; start with controls enabled (CASHFREE_SANDBOX_CONTROL=1)",
              code: "controls_disabled",
              type: "invalid_request_error",
            },
          };
    }
    const partner = req.path.startsWith("/partners/") ? partners.router.match(req.method, req.path) : null;
    if (partner) return partner.handler(req, partner.params);
    const page = checkout.match(req.method, req.path);
    if (page) return page.handler(req, page.params);
    if (!req.path.startsWith("/pg/")) return { status: 404, body: badUrl().body() };
    const route = api.router.match(req.method, req.path);
    if (!route) return { status: 404, body: badUrl().body() };
    countCall(apiCalls, `${req.method} ${req.path}`);
    const fault = api.guard(req);
    if (fault) return fault;
    api.authenticate(req);
    return api.idempotent(engine, req, async () => {
      try {
        return await route.handler(req, route.params);
      } catch (error) {
        // Errors are answers too: a replay with the same key gets the same error.
        if (error instanceof CfError) return { status: error.status, body: error.body() };
        throw error;
      }
    });
  }

  async function onRequest(incoming: IncomingMessage, res: ServerResponse) {
    const requestId = String(incoming.headers["x-request-id"] ?? "");
    const echo: Record<string, string> = requestId ? { "x-request-id": requestId } : {};
    try {
      const req = await readRequest(incoming);
      const reply = await handle(req);
      if (reply === "timeout") {
        // Hold the connection like a stuck upstream; the client's own timeout ends it.
        setTimeout(() => res.destroy(), TIMEOUT_FAULT_MS).unref();
        return;
      }
      send(res, { ...reply, headers: { ...echo, ...reply.headers } });
      if (req.method !== "GET") persist();
    } catch (error) {
      if (error instanceof CfError) return send(res, { status: error.status, body: error.body(), headers: echo });
      if (error instanceof SyntaxError)
        return send(res, {
          status: 400,
          body: { message: "request body is not valid JSON", code: "request_invalid", type: "invalid_request_error" },
          headers: echo,
        });
      console.error("[sandbox]", error);
      send(res, {
        status: 500,
        body: { message: "internal Server Error", code: "internal_error", type: "api_error" },
        headers: echo,
      });
    }
  }

  const server = createServer((req, res) => void onRequest(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? SANDBOX_DEFAULT_PORT, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  // Refunds settle on time even when nobody asks about them, so their webhooks arrive on their own.
  const sweep = setInterval(() => engine.settleRefunds(), 250);
  sweep.unref();

  return {
    url: baseUrl,
    port,
    appId,
    secretKey,
    engine,
    apiFaults,
    apiCalls,
    reset,
    close: async () => {
      clearInterval(sweep);
      if (saveTimer) clearTimeout(saveTimer);
      saveState(options.statePath, state);
      server.closeAllConnections();
      // Retries still waiting (minutes, by default) are unref'd timers: they do not hold the process.
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
