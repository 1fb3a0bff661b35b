import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { type RunningSandbox, type SandboxOptions, startSandbox } from "../server";

/** A real HTTP server that records every webhook it receives, answering with the status tests choose. */
export async function startWebhookReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string; at: number }[] = [];
  let statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      res.writeHead(statuses.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return {
    url,
    received,
    /** The next responses, in order (then 200). */
    respondWith: (...next: number[]) => (statuses = next),
    waitFor: async (count: number, timeoutMs = 5_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    /** Waits until `count` received events match, and returns them (parsed), in arrival order. */
    waitForEvents: async (match: (event: WebhookEvent) => boolean, count: number, timeoutMs = 5_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const events = received.map((r) => JSON.parse(r.body) as WebhookEvent).filter(match);
        if (events.length >= count) return events;
        if (Date.now() > until) throw new Error(`expected ${count} matching webhooks, got ${events.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook bodies are read loosely in tests
export type WebhookEvent = { type: string; data: any };

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

export interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

/** Sandbox on a random port plus a client that speaks to its PG API the way a merchant server does. */
export async function startTestSandbox(options: SandboxOptions = {}) {
  const sandbox: RunningSandbox = await startSandbox({
    port: 0,
    controls: true,
    webhookRetryScheduleMs: [30, 60],
    refundSettleMs: 50,
    ...options,
  });
  const exchanges: Exchange[] = [];
  const headers = (extra: Record<string, string> = {}) => ({
    "content-type": "application/json",
    "x-client-id": sandbox.appId,
    "x-client-secret": sandbox.secretKey,
    "x-api-version": "2025-01-01",
    ...extra,
  });
  async function api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const response = await fetch(`${sandbox.url}/pg${path}`, {
      method,
      headers: headers(extra),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as T) : (null as T);
    exchanges.push({ method, path, requestBody: body ?? null, status: response.status, responseBody: json });
    return { status: response.status, body: json, headers: response.headers };
  }
  async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
    const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  return { sandbox, api, control, headers, exchanges, close: () => sandbox.close() };
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

let counter = 0;
/** A valid Create Order body; `overrides` replace top-level fields. */
export function orderBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    order_id: `test_${Date.now().toString(36)}_${counter}`,
    order_amount: 499.5,
    order_currency: "INR",
    customer_details: {
      customer_id: "cust_001",
      customer_phone: "9876543210",
      customer_email: "asha@example.com",
      customer_name: "Asha Rao",
    },
    order_meta: { return_url: "http://localhost:3000/orders/{order_id}" },
    ...overrides,
  };
}

/** Creates an order and starts a card attempt (NOT_ATTEMPTED until the simulator or /pg/simulate finishes it). */
export async function orderWithCardAttempt(t: TestSandbox, overrides: Record<string, unknown> = {}) {
  const order = await t.api<{ order_id: string; payment_session_id: string }>("POST", "/orders", orderBody(overrides));
  const pay = await t.api<{ cf_payment_id: string }>("POST", "/orders/sessions", {
    payment_session_id: order.body.payment_session_id,
    payment_method: {
      card: {
        channel: "link",
        card_number: "4706131211212123",
        card_expiry_mm: "12",
        card_expiry_yy: "30",
        card_cvv: "123",
        card_holder_name: "Asha Rao",
      },
    },
  });
  return {
    orderId: order.body.order_id,
    sessionId: order.body.payment_session_id,
    cfPaymentId: String(pay.body.cf_payment_id),
  };
}
