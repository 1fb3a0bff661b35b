import { createHash, createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { allViolations, contractAvailable } from "./testing/contract";
import { sandboxWithWebhooks } from "./testing/suite";
import { orderBody, orderWithCardAttempt, startTestSandbox, startWebhookReceiver } from "./testing/harness";

const { t, hooks } = sandboxWithWebhooks();
afterEach(async () => {
  await t.control("DELETE", "/faults");
  hooks.respondWith();
});

/** Written from Cashfree's docs, not from the sandbox's code: base64(HMAC-SHA256(secret, timestamp + rawBody)). */
const expectedSignature = (timestamp: string, body: string) =>
  createHmac("sha256", "cfsk_ma_test_local_sandbox_secret").update(`${timestamp}${body}`, "utf8").digest("base64");

async function paidWebhooks(orderOverrides: Record<string, unknown> = {}) {
  const { orderId, cfPaymentId } = await orderWithCardAttempt(t, orderOverrides);
  await t.api("POST", "/simulate", {
    entity: "PAYMENTS",
    entity_id: cfPaymentId,
    entity_simulation: { payment_status: "SUCCESS" },
  });
  return orderId;
}
const forOrder = (orderId: string) => hooks.received.filter((r) => r.body.includes(`"order_id":"${orderId}"`));
async function waitForOrder(orderId: string, count: number, timeoutMs = 3_000) {
  const until = Date.now() + timeoutMs;
  while (forOrder(orderId).length < count) {
    if (Date.now() > until)
      throw new Error(`expected ${count} webhooks for ${orderId}, got ${forOrder(orderId).length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return forOrder(orderId);
}

describe("signed webhooks", () => {
  it("signs the exact bytes sent, with Cashfree's headers", async () => {
    const orderId = await paidWebhooks();
    const [hook] = await waitForOrder(orderId, 1);
    const h = hook!.headers;
    expect(h["x-webhook-signature"]).toBe(expectedSignature(String(h["x-webhook-timestamp"]), hook!.body));
    expect(Math.abs(Number(h["x-webhook-timestamp"]) - Date.now())).toBeLessThan(5_000);
    expect(h["x-webhook-version"]).toBe("2025-01-01");
    expect(h["x-webhook-attempt"]).toBe("1");
    expect(h["content-type"]).toBe("application/json");
    expect(h["x-idempotency-key"]).toBe(createHash("sha256").update(hook!.body).digest("base64"));
    const event = JSON.parse(hook!.body);
    expect(event).toMatchObject({
      type: "PAYMENT_SUCCESS_WEBHOOK",
      data: { order: { order_id: orderId }, payment: { payment_status: "SUCCESS" } },
    });
    // Amounts in webhooks carry two decimals, as Cashfree's bodies do.
    expect(hook!.body).toContain('"order_amount":499.50');
  });

  it("prefers the order's notify_url over the default URL", async () => {
    const other = await startWebhookReceiver();
    try {
      await paidWebhooks({
        order_meta: { return_url: "http://localhost:3000/orders/{order_id}", notify_url: other.url },
      });
      const [hook] = await other.waitFor(1);
      expect(JSON.parse(hook!.body).type).toBe("PAYMENT_SUCCESS_WEBHOOK");
    } finally {
      await other.close();
    }
  });

  it("retries on non-2xx with the same body and idempotency key, and logs every attempt", async () => {
    hooks.respondWith(500, 503);
    const orderId = await paidWebhooks();
    const got = await waitForOrder(orderId, 3);
    expect(got.map((g) => g.headers["x-webhook-attempt"])).toEqual(["1", "2", "3"]);
    expect(new Set(got.map((g) => g.body)).size).toBe(1);
    expect(new Set(got.map((g) => g.headers["x-idempotency-key"])).size).toBe(1);
    // Each retry is signed afresh with its own timestamp.
    for (const g of got)
      expect(g.headers["x-webhook-signature"]).toBe(
        expectedSignature(String(g.headers["x-webhook-timestamp"]), g.body),
      );
    const log = await t.control<{ state: string; attempts: { status: number }[] }[]>(
      "GET",
      `/deliveries?order_id=${orderId}`,
    );
    expect(log.body[0]).toMatchObject({
      state: "delivered",
      attempts: [{ status: 500 }, { status: 503 }, { status: 200 }],
    });
  });

  it("gives up after the retry schedule and marks the delivery failed", async () => {
    hooks.respondWith(500, 500, 500, 500);
    const orderId = await paidWebhooks();
    await waitForOrder(orderId, 3);
    await new Promise((r) => setTimeout(r, 100));
    const log = await t.control<{ state: string }[]>("GET", `/deliveries?order_id=${orderId}`);
    expect(log.body[0]!.state).toBe("failed");
    expect(forOrder(orderId)).toHaveLength(3);
  });

  it("treats a timeout as a failure and retries", async () => {
    const slow = await startTestSandbox({
      webhookUrl: "http://10.255.255.1:9/unroutable",
      webhookTimeoutMs: 50,
      webhookRetryScheduleMs: [10],
    });
    try {
      const { cfPaymentId, orderId } = await orderWithCardAttempt(slow);
      await slow.api("POST", "/simulate", {
        entity: "PAYMENTS",
        entity_id: cfPaymentId,
        entity_simulation: { payment_status: "SUCCESS" },
      });
      await new Promise((r) => setTimeout(r, 400));
      const log = await slow.control<{ state: string; attempts: { error: string | null }[] }[]>(
        "GET",
        `/deliveries?order_id=${orderId}`,
      );
      expect(log.body[0]!.attempts).toHaveLength(2);
      expect(log.body[0]!.attempts.every((a) => a.error)).toBe(true);
    } finally {
      await slow.close();
    }
  });
});

describe("fault injection", () => {
  it("duplicates deliveries", async () => {
    await t.control("POST", "/faults", { webhooks: { duplicate: 2 } });
    const orderId = await paidWebhooks();
    const got = await waitForOrder(orderId, 3);
    expect(new Set(got.map((g) => g.headers["x-idempotency-key"])).size).toBe(1);
  });

  it("delays deliveries", async () => {
    await t.control("POST", "/faults", { webhooks: { delayMs: 300 } });
    const started = Date.now();
    const orderId = await paidWebhooks();
    const [hook] = await waitForOrder(orderId, 1);
    expect(hook!.at - started).toBeGreaterThanOrEqual(250);
  });

  it("drops the first N attempts; retries then deliver", async () => {
    await t.control("POST", "/faults", { webhooks: { dropAttempts: 2 } });
    const orderId = await paidWebhooks();
    const [hook] = await waitForOrder(orderId, 1);
    expect(hook!.headers["x-webhook-attempt"]).toBe("3");
  });

  it("corrupts the signature", async () => {
    await t.control("POST", "/faults", { webhooks: { corruptSignature: true } });
    const orderId = await paidWebhooks();
    const [hook] = await waitForOrder(orderId, 1);
    expect(hook!.headers["x-webhook-signature"]).not.toBe(
      expectedSignature(String(hook!.headers["x-webhook-timestamp"]), hook!.body),
    );
  });

  it("sends stale timestamps (correctly signed)", async () => {
    await t.control("POST", "/faults", { webhooks: { staleTimestamp: true } });
    const orderId = await paidWebhooks();
    const [hook] = await waitForOrder(orderId, 1);
    const ts = String(hook!.headers["x-webhook-timestamp"]);
    expect(Date.now() - Number(ts)).toBeGreaterThan(5 * 60_000);
    expect(hook!.headers["x-webhook-signature"]).toBe(expectedSignature(ts, hook!.body));
  });

  it("reorders deliveries: the later event arrives first", async () => {
    await t.control("POST", "/faults", { webhooks: { reorder: true } });
    const first = await paidWebhooks();
    const second = await paidWebhooks();
    await waitForOrder(second, 1);
    await waitForOrder(first, 1);
    const order = hooks.received
      .map((r) => (r.body.includes(first) ? "first" : r.body.includes(second) ? "second" : null))
      .filter(Boolean);
    expect(order.slice(-2)).toEqual(["second", "first"]);
  });

  it("makes the PG API fail with 500s, then recover", async () => {
    await t.control("POST", "/faults", { api: { failNext: 2, failMode: "500" } });
    expect((await t.api("POST", "/orders", orderBody())).status).toBe(500);
    expect(await t.api("GET", "/orders/whatever")).toMatchObject({
      status: 500,
      body: { code: "internal_error", type: "api_error" },
    });
    expect((await t.api("POST", "/orders", orderBody())).status).toBe(200);
  });

  it("makes the PG API hang until the client times out", async () => {
    await t.control("POST", "/faults", { api: { failNext: 1, failMode: "timeout" } });
    const res = fetch(`${t.sandbox.url}/pg/orders/x`, { headers: t.headers(), signal: AbortSignal.timeout(200) });
    await expect(res).rejects.toThrow();
    expect((await t.api("GET", "/orders/x")).status).toBe(404);
  });

  it("refuses bad fault settings", async () => {
    expect((await t.control("POST", "/faults", { webhooks: { duplicate: -1 } })).status).toBe(400);
    expect((await t.control("POST", "/faults", { api: { failMode: "explode" } })).status).toBe(400);
  });
});

describe("clock, expiry, trigger and reset", () => {
  it("expires an order now, and the checkout refuses it", async () => {
    const body = orderBody();
    const created = await t.api("POST", "/orders", body);
    const expired = await t.control("POST", `/orders/${body.order_id}/expire`);
    expect(expired.body).toEqual({ order_id: body.order_id, order_status: "EXPIRED" });
    expect((await t.api("GET", `/orders/${body.order_id}`)).body.order_status).toBe("EXPIRED");
    const page = await fetch(`${t.sandbox.url}/pg/view/sessions/checkout`, {
      method: "POST",
      body: new URLSearchParams({ payment_session_id: String(created.body.payment_session_id) }),
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Session expired");
  });

  it("advances the clock past order_expiry_time", async () => {
    const body = orderBody({ order_expiry_time: new Date(Date.now() + 20 * 60_000).toISOString() });
    await t.api("POST", "/orders", body);
    await t.control("POST", "/clock/advance", { ms: 21 * 60_000 });
    expect((await t.api("GET", `/orders/${body.order_id}`)).body.order_status).toBe("EXPIRED");
  });

  it("triggers events on demand, like `stripe trigger`", async () => {
    const orderId = await paidWebhooks();
    await waitForOrder(orderId, 1);
    const again = await t.control<{ type: string }>("POST", "/trigger", {
      event: "PAYMENT_SUCCESS_WEBHOOK",
      order_id: orderId,
    });
    expect(again.body.type).toBe("PAYMENT_SUCCESS_WEBHOOK");
    await t.control("POST", "/trigger", { event: "DISPUTE_CREATED", order_id: orderId });
    const got = await waitForOrder(orderId, 3);
    expect(got.map((g) => JSON.parse(g.body).type)).toEqual([
      "PAYMENT_SUCCESS_WEBHOOK",
      "PAYMENT_SUCCESS_WEBHOOK",
      "DISPUTE_CREATED",
    ]);
    expect((await t.control("POST", "/trigger", { event: "PAYMENT_FAILED_WEBHOOK", order_id: orderId })).status).toBe(
      400,
    );
    expect((await t.control("POST", "/trigger", { event: "NOPE", order_id: orderId })).status).toBe(400);
  });

  it("finishes an order's attempt through the control API", async () => {
    const body = orderBody();
    await t.api("POST", "/orders", body);
    await t.control("POST", `/orders/${body.order_id}/pay`, { status: "SUCCESS" });
    expect((await t.api("GET", `/orders/${body.order_id}`)).body.order_status).toBe("PAID");
  });

  it("resets all state", async () => {
    const fresh = await startTestSandbox();
    try {
      const body = orderBody();
      await fresh.api("POST", "/orders", body);
      await fresh.control("POST", "/reset");
      expect((await fresh.api("GET", `/orders/${body.order_id}`)).status).toBe(404);
      expect((await fresh.control("GET", "/state")).body).toMatchObject({ orders: 0, deliveries: 0 });
    } finally {
      await fresh.close();
    }
  });

  it("keeps controls off unless enabled", async () => {
    const plain = await startTestSandbox({ controls: false });
    try {
      expect((await plain.control("POST", "/reset")).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it("persists state to a file across restarts", async () => {
    // A folder that does not exist yet, as .data/ on a fresh clone.
    const statePath = path.join(mkdtempSync(path.join(tmpdir(), "sandbox-")), "not-yet", "state.json");
    const first = await startTestSandbox({ statePath });
    const body = orderBody();
    await first.api("POST", "/orders", body);
    await first.close();
    const second = await startTestSandbox({ statePath });
    try {
      expect((await second.api("GET", `/orders/${body.order_id}`)).body.order_id).toBe(body.order_id);
    } finally {
      await second.close();
    }
  });

  it("serves a debug page listing orders and deliveries", async () => {
    const orderId = await paidWebhooks();
    await waitForOrder(orderId, 1);
    const html = await (await fetch(`${t.sandbox.url}/`)).text();
    expect(html).toContain(orderId);
    expect(html).toContain("PAYMENT_SUCCESS_WEBHOOK");
  });
});

describe("contract", () => {
  it.skipIf(!contractAvailable)(
    "every request accepted and response sent above matches Cashfree's OpenAPI document",
    () => {
      expect(allViolations(t.exchanges)).toEqual([]);
    },
  );
});

describe("hosted checkout error pages", () => {
  const open = (session: string) =>
    fetch(`${t.sandbox.url}/pg/view/sessions/checkout`, {
      method: "POST",
      body: new URLSearchParams({ payment_session_id: session }),
    });

  it("shows Cashfree-like pages for unknown and terminated sessions", async () => {
    const unknown = await open("session_unknown");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Invalid Session ID");
    const body = orderBody();
    const created = await t.api("POST", "/orders", body);
    await t.api("PATCH", `/orders/${body.order_id}`, { order_status: "TERMINATED" });
    const terminated = await open(String(created.body.payment_session_id));
    expect(terminated.status).toBe(400);
    expect(await terminated.text()).toContain("Order terminated");
  });

  it("refuses a wrong OTP and a FAILED without a failure type on the simulator", async () => {
    const { cfPaymentId } = await orderWithCardAttempt(t);
    const submit = (fields: Record<string, string>) =>
      fetch(`${t.sandbox.url}/pg/view/simulator/${cfPaymentId}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    expect((await submit({ otp: "000000", status: "SUCCESS" })).status).toBe(400);
    const noType = await submit({ otp: "111000", status: "FAILED" });
    expect(noType.status).toBe(400);
    expect(await noType.text()).toContain("Failure Type");
    const ok = await submit({ otp: "111000", status: "SUCCESS" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/orders\//);
  });
});
