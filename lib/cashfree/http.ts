import { randomUUID } from "node:crypto";

import type { z } from "zod";

import { inSpan, SpanKind } from "@/lib/telemetry/spans";

import { authHeaders, CASHFREE_API_VERSION, type CashfreeConfig } from "./config";
import { CashfreeApiError, CashfreeNetworkError, CashfreeResponseError } from "./errors";

export interface CashfreeRequest<T> {
  method: "GET" | "POST" | "PATCH" | "PUT";
  path: string;
  body?: unknown;
  /** A multipart body (dispute evidence) instead of JSON. */
  form?: FormData;
  /** Required on every create so a retry can never create a second object. */
  idempotencyKey?: string;
  schema: z.ZodType<T>;
  /** Another x-api-version than the PG one (the partner merchant API is 2023-01-01). */
  apiVersion?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryDelayMs(config: CashfreeConfig, attempt: number, response?: Response) {
  // Cashfree tells us how long to back off on 429 (seconds, 1–59).
  const rateLimitRetry = Number(response?.headers.get("x-ratelimit-retry"));
  if (response?.status === 429 && rateLimitRetry > 0) return rateLimitRetry * 1000;
  const exponential = config.retryBaseMs * 2 ** attempt;
  return exponential + Math.floor(Math.random() * config.retryBaseMs);
}

async function errorFrom(response: Response, requestId: string) {
  const body = (await response.json().catch(() => ({}))) as { code?: string; type?: string; message?: string };
  return new CashfreeApiError(
    response.status,
    body.code ?? "unknown_error",
    body.type ?? "api_error",
    body.message ?? response.statusText,
    requestId,
  );
}

/** The words of Cashfree's paths; any other segment is an id (an order, refund, link, dispute or merchant). */
const PATH_WORDS = new Set(
  "orders payments refunds extended links cancel disputes accept documents settlements settlement recon partners oauth auth_link token revoke merchants".split(
    " ",
  ),
);

/** `/pg/orders/KC-123/refunds/rf_1?x=y` → `/pg/orders/{id}/refunds/{id}`: a span name with no ids or query. */
export function pathTemplate(baseUrl: string, path: string) {
  const full = new URL(baseUrl).pathname.replace(/\/$/, "") + path.split("?")[0];
  return full
    .split("/")
    .map((segment, i) => (i === 0 || PATH_WORDS.has(segment) || (i === 1 && segment === "pg") ? segment : "{id}"))
    .join("/");
}

/**
 * One Cashfree call, in one span (`cashfree POST /pg/orders`: method, path template, status, attempts, never a
 * header or body): versioned and authenticated, with a request id, a timeout, and retries with backoff on
 * network errors, timeouts, 5xx and 429 — never on other 4xx, which would fail the same way again.
 */
export function cashfreeFetch<T>(config: CashfreeConfig, request: CashfreeRequest<T>): Promise<T> {
  const route = pathTemplate(config.baseUrl, request.path);
  const attributes = {
    "http.request.method": request.method,
    "url.template": route,
    "server.address": new URL(config.baseUrl).hostname,
    "cashfree.api_version": request.apiVersion ?? CASHFREE_API_VERSION,
  };
  return inSpan(`cashfree ${request.method} ${route}`, { kind: SpanKind.CLIENT, attributes }, (span) =>
    callCashfree(config, request, (status, attempt, requestId) =>
      span.setAttributes({
        "http.response.status_code": status,
        "cashfree.attempts": attempt + 1,
        "cashfree.request_id": requestId,
      }),
    ),
  );
}

async function callCashfree<T>(
  config: CashfreeConfig,
  request: CashfreeRequest<T>,
  answered: (status: number, attempt: number, requestId: string) => void,
): Promise<T> {
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-api-version": request.apiVersion ?? CASHFREE_API_VERSION,
    "x-request-id": requestId,
    ...authHeaders(config.credentials),
  };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (request.idempotencyKey) headers["x-idempotency-key"] = request.idempotencyKey;
  let body: string | ArrayBuffer | undefined = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (request.form) {
    // Encoded once, so every retry sends the same bytes and boundary under the same idempotency key.
    const encoded = new Response(request.form);
    headers["content-type"] = encoded.headers.get("content-type")!;
    body = await encoded.arrayBuffer();
  }

  for (let attempt = 0; ; attempt++) {
    const lastAttempt = attempt >= config.maxRetries;
    let response: Response;
    try {
      response = await fetch(`${config.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body,
        redirect: "error",
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (cause) {
      if (lastAttempt) {
        const reason = cause instanceof Error && cause.name === "TimeoutError" ? "timed out" : "unreachable";
        throw new CashfreeNetworkError(`Cashfree ${reason}: ${request.method} ${request.path}`, requestId, { cause });
      }
      await sleep(retryDelayMs(config, attempt));
      continue;
    }

    answered(response.status, attempt, requestId);
    if (response.ok) {
      const parsed = request.schema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) {
        throw new CashfreeResponseError(`unexpected Cashfree response to ${request.method} ${request.path}`, requestId);
      }
      return parsed.data;
    }
    const error = await errorFrom(response, requestId);
    if (!error.isRetryable || lastAttempt) throw error;
    await sleep(retryDelayMs(config, attempt, response));
  }
}
