import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { CashfreeConfig } from "./config";
import { CashfreeApiError, CashfreeNetworkError } from "./errors";
import { pathTemplate } from "./http";
import { createCashfreeOrder, getCashfreeOrder } from "./orders";

// A real HTTP server whose answers each test scripts, so retries, headers and timeouts are observed on the wire.
type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };
let replies: Reply[] = [];
let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let server: Server;
let config: CashfreeConfig;

const order = {
  cf_order_id: "2149460581",
  order_id: "KC-1",
  order_amount: 1499.5,
  order_currency: "INR",
  order_status: "ACTIVE",
  payment_session_id: "session_abc",
};
const createInput = {
  orderId: "KC-1",
  amountPaise: 149_950,
  currency: "INR",
  customer: { id: "C9876543210", name: "Asha Rao", email: "asha@example.com", phone: "9876543210" },
  returnUrl: "http://localhost:3000/orders/{order_id}?token=t",
  notifyUrl: "http://localhost:3000/api/webhooks/cashfree",
  expiresAt: new Date("2026-11-22T12:00:00Z"),
  idempotencyKey: "0b8f3c39-35c8-4a61-a3bb-2f2b7b0d9a4e",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500 };
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(JSON.stringify(reply.body ?? {}));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  config = {
    baseUrl: `http://127.0.0.1:${port}/pg`,
    credentials: { kind: "merchant", appId: "TEST_APP", secretKey: "cfsk_ma_test_x" },
    timeoutMs: 300,
    maxRetries: 2,
    retryBaseMs: 5,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  replies = [];
  seen = [];
});

describe("Cashfree HTTP client", () => {
  it("sends version, credentials, a request id and the idempotency key, and the amount in rupees", async () => {
    replies = [{ status: 200, body: order }];
    const created = await createCashfreeOrder(config, createInput);
    expect(created).toMatchObject({
      orderId: "KC-1",
      amountPaise: 149_950,
      paymentSessionId: "session_abc",
      cfOrderId: "2149460581",
    });
    const [request] = seen;
    expect(request?.url).toBe("/pg/orders");
    expect(request?.headers).toMatchObject({
      "x-api-version": "2025-01-01",
      "x-client-id": "TEST_APP",
      "x-client-secret": "cfsk_ma_test_x",
      "x-idempotency-key": createInput.idempotencyKey,
    });
    expect(request?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request!.body)).toMatchObject({
      order_id: "KC-1",
      order_amount: 1499.5,
      order_currency: "INR",
      order_meta: { return_url: createInput.returnUrl },
    });
  });

  it("retries 5xx with the same idempotency key, then succeeds", async () => {
    replies = [
      { status: 500, body: { code: "internal_error", type: "api_error", message: "internal Server Error" } },
      { status: 200, body: order },
    ];
    await createCashfreeOrder(config, createInput);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers["x-idempotency-key"]).toBe(createInput.idempotencyKey);
  });

  it("honours x-ratelimit-retry on 429", async () => {
    replies = [
      {
        status: 429,
        body: { code: "request_failed", type: "rate_limit_error", message: "Too many requests" },
        headers: { "x-ratelimit-retry": "1" },
      },
      { status: 200, body: order },
    ];
    const started = Date.now();
    await getCashfreeOrder(config, "KC-1");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("never retries a 4xx and surfaces Cashfree's error", async () => {
    replies = [
      {
        status: 400,
        body: {
          code: "order_amount_invalid",
          type: "invalid_request_error",
          message: "order_amount : Invalid amount entered ",
        },
      },
    ];
    const error = await createCashfreeOrder(config, createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CashfreeApiError);
    expect(error).toMatchObject({ status: 400, code: "order_amount_invalid", type: "invalid_request_error" });
    expect((error as CashfreeApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toHaveLength(1);
  });

  it("treats order_already_exists on a retried create as success when the order matches", async () => {
    replies = [
      {
        status: 409,
        body: {
          code: "order_already_exists",
          type: "invalid_request_error",
          message: "order with same id is already present",
        },
      },
      { status: 200, body: order },
    ];
    expect((await createCashfreeOrder(config, createInput)).orderId).toBe("KC-1");
  });

  it("gives up after retries on timeouts with a network error", async () => {
    replies = [
      { status: 200, body: order, delayMs: 1000 },
      { status: 200, body: order, delayMs: 1000 },
      { status: 200, body: order, delayMs: 1000 },
    ];
    const error = await getCashfreeOrder(config, "KC-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CashfreeNetworkError);
    expect(seen).toHaveLength(3);
  });
});

describe("span names", () => {
  it("name the call by its path with every id and the query left out", () => {
    const pg = "https://sandbox.cashfree.com/pg";
    expect(pathTemplate(pg, "/orders")).toBe("/pg/orders");
    expect(pathTemplate(pg, "/orders/KC-261202-7QH3M2XA")).toBe("/pg/orders/{id}");
    expect(pathTemplate(pg, "/orders/KC-1/refunds/rf_0b8f3c39")).toBe("/pg/orders/{id}/refunds/{id}");
    expect(pathTemplate(pg, "/links/summer_sale/orders?status=ALL")).toBe("/pg/links/{id}/orders");
    expect(pathTemplate(pg, "/settlement/recon")).toBe("/pg/settlement/recon");
    expect(pathTemplate("https://api-sandbox.cashfree.com", "/partners/oauth/CF123/revoke")).toBe(
      "/partners/oauth/{id}/revoke",
    );
    expect(pathTemplate("https://api-sandbox.cashfree.com", "/partners/oauth/token")).toBe("/partners/oauth/token");
  });
});
