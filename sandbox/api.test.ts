import { describe, expect, it } from "vitest";

import { allViolations, contractAvailable } from "./testing/contract";
import { sandboxWithWebhooks } from "./testing/suite";
import { orderBody, orderWithCardAttempt, startTestSandbox } from "./testing/harness";

const { t, hooks } = sandboxWithWebhooks();

const err = (status: number, code: string, type = "invalid_request_error") => ({
  status,
  body: expect.objectContaining({ code, type, message: expect.any(String) }),
});

describe("authentication and versions", () => {
  it("rejects missing or wrong credentials with Cashfree's 401 body", async () => {
    const res = await fetch(`${t.sandbox.url}/pg/orders/x`, { headers: { "x-api-version": "2025-01-01" } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      message: "authentication Failed",
      code: "request_failed",
      type: "authentication_error",
    });
    const wrong = await t.api("GET", "/orders/x", undefined, { "x-client-secret": "nope" });
    expect(wrong.status).toBe(401);
  });

  it("requires x-api-version and accepts 2023-08-01, 2025-01-01 and 2026-01-01", async () => {
    const { order_id } = orderBody();
    await t.api("POST", "/orders", orderBody({ order_id }));
    for (const version of ["2023-08-01", "2025-01-01", "2026-01-01"]) {
      expect((await t.api("GET", `/orders/${order_id}`, undefined, { "x-api-version": version })).status).toBe(200);
    }
    expect(await t.api("GET", `/orders/${order_id}`, undefined, { "x-api-version": "2020-01-01" })).toMatchObject(
      err(400, "version_invalid"),
    );
    const res = await fetch(`${t.sandbox.url}/pg/orders/${order_id}`, {
      headers: { "x-client-id": t.sandbox.appId, "x-client-secret": t.sandbox.secretKey },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("version_missing");
  });

  it("echoes x-request-id and answers unknown paths with Cashfree's 404", async () => {
    const res = await t.api("GET", "/nothing/here", undefined, { "x-request-id": "req-123" });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect(res.body).toMatchObject({ code: "request_failed", message: "bad URL, please check API documentation" });
  });

  it("answers malformed JSON with a 400, not a crash", async () => {
    const res = await fetch(`${t.sandbox.url}/pg/orders`, { method: "POST", headers: t.headers(), body: "{nope" });
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe("invalid_request_error");
  });
});

describe("orders", () => {
  it("creates an order with a session id, and gets it", async () => {
    const body = orderBody({ order_amount: 1234.5, order_tags: { channel: "web" }, order_note: "gift wrap" });
    const created = await t.api("POST", "/orders", body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      order_id: body.order_id,
      order_amount: 1234.5,
      order_currency: "INR",
      order_status: "ACTIVE",
      entity: "order",
      order_tags: { channel: "web" },
    });
    expect(String(created.body.payment_session_id)).toMatch(/^session_/);
    expect(String(created.body.created_at)).toMatch(/\+05:30$/);
    const fetched = await t.api("GET", `/orders/${body.order_id}`);
    expect(fetched.body).toEqual(created.body);
  });

  it("generates an order_id when none is given", async () => {
    const { order_id: _unused, ...rest } = orderBody();
    const created = await t.api("POST", "/orders", rest);
    expect(String(created.body.order_id)).toMatch(/^order_/);
  });

  it.each([
    [{ order_amount: 0.5 }, "order_amount_invalid"],
    [{ order_amount: 10.123 }, "order_amount_invalid"],
    [{ order_amount: undefined }, "order_amount_missing"],
    [{ order_currency: "XYZ" }, "order_currency_invalid"],
    [{ order_id: "bad id!" }, "order_id_invalid"],
    [{ order_id: "ab" }, "order_id_invalid"],
    [{ customer_details: { customer_phone: "9876543210" } }, "customer_details.customer_id_missing"],
    [{ customer_details: { customer_id: "cust_1" } }, "customer_details.customer_phone_missing"],
    [
      { customer_details: { customer_id: "cust_1", customer_phone: "12345" } },
      "customer_details.customer_phone_invalid",
    ],
    [{ order_meta: { return_url: "not a url" } }, "order_meta.return_url_invalid"],
    [{ order_meta: { notify_url: "::" } }, "order_meta.notify_url_invalid"],
    [{ order_expiry_time: new Date(Date.now() + 60_000).toISOString() }, "order_expiry_time_invalid"],
    [{ order_tags: { k: 5 } }, "order_tags.k_invalid"],
  ])("refuses %j with %s", async (override, code) => {
    const res = await t.api("POST", "/orders", orderBody(override));
    expect(res).toMatchObject(err(400, code));
  });

  it("refuses a second order with the same order_id (409)", async () => {
    const body = orderBody();
    await t.api("POST", "/orders", body);
    expect(await t.api("POST", "/orders", { ...body, order_amount: 5 })).toMatchObject(
      err(409, "order_already_exists"),
    );
  });

  it("replays the same answer for the same idempotency key, and 422s a different body", async () => {
    const body = orderBody();
    const key = { "x-idempotency-key": `idem-${body.order_id}` };
    const first = await t.api("POST", "/orders", body, key);
    const again = await t.api("POST", "/orders", body, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("x-idempotency-replayed")).toBe("true");
    const different = await t.api("POST", "/orders", { ...body, order_amount: 1 }, key);
    expect(different).toMatchObject(err(422, "request_invalid", "idempotency_error"));
  });

  it("404s unknown orders and terminates active ones", async () => {
    expect(await t.api("GET", "/orders/does_not_exist")).toMatchObject(err(404, "order_not_found"));
    const body = orderBody();
    await t.api("POST", "/orders", body);
    expect(await t.api("PATCH", `/orders/${body.order_id}`, { order_status: "PAID" })).toMatchObject(
      err(400, "order_status_invalid"),
    );
    const terminated = await t.api("PATCH", `/orders/${body.order_id}`, { order_status: "TERMINATED" });
    expect(terminated.body.order_status).toBe("TERMINATED");
  });

  it("records shipment details on the extended order", async () => {
    const body = orderBody();
    await t.api("POST", "/orders", body);
    const ext = await t.api("GET", `/orders/${body.order_id}/extended`);
    expect(ext.body).toMatchObject({ order_id: body.order_id, order_amount: 499.5 });
    const shipped = await t.api("PUT", `/orders/${body.order_id}/extended`, {
      shipment_details: [
        { tracking_company: "Delhivery", tracking_urls: ["https://t.example/1"], tracking_numbers: ["AWB1"] },
      ],
    });
    expect(shipped.status).toBe(200);
    expect(await t.api("PUT", `/orders/${body.order_id}/extended`, {})).toMatchObject(
      err(400, "shipment_details_missing"),
    );
  });
});

describe("Order Pay and payments", () => {
  const pay = (sessionId: string, method: unknown) =>
    t.api<Record<string, unknown>>("POST", "/orders/sessions", {
      payment_session_id: sessionId,
      payment_method: method,
    });

  it("starts a card payment that goes to the simulator", async () => {
    const order = await t.api("POST", "/orders", orderBody());
    const res = await pay(String(order.body.payment_session_id), {
      card: {
        channel: "link",
        card_number: "4706131211212123",
        card_expiry_mm: "12",
        card_expiry_yy: "30",
        card_cvv: "123",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ payment_method: "card", channel: "link", action: "link", payment_amount: 499.5 });
    expect(String((res.body.data as { url: string }).url)).toContain("/pg/view/simulator/");
  });

  it.each([
    [
      { card: { channel: "link", card_number: "4706131211212123", card_expiry_mm: "12", card_expiry_yy: "30" } },
      "card_cvv_missing",
    ],
    [
      {
        card: {
          channel: "link",
          card_number: "4706131211212124",
          card_expiry_mm: "12",
          card_expiry_yy: "30",
          card_cvv: "123",
        },
      },
      "card_number_invalid",
    ],
    [{ upi: { channel: "collect", upi_id: "someone@okbank" } }, "upi_id_invalid"],
    [{ upi: { channel: "collect" } }, "upi_id_missing"],
    [{ upi: { channel: "teleport" } }, "channel_invalid"],
    [{ netbanking: {} }, "netbanking_bank_code_missing"],
    [{ app: { provider: "testwallet", phone: "12" } }, "phone_invalid"],
    [{ emi: {} }, "payment_method_unsupported"],
  ])("refuses %j with %s", async (method, code) => {
    const order = await t.api("POST", "/orders", orderBody());
    expect(await pay(String(order.body.payment_session_id), method)).toMatchObject(err(400, code));
  });

  it("refuses an unknown session", async () => {
    expect(await pay("session_nope", { upi: { channel: "collect", upi_id: "testsuccess@gocash" } })).toMatchObject(
      err(400, "payment_session_id_invalid", "request_failed"),
    );
  });

  it("pays by test VPA testsuccess@gocash: order PAID and a signed success webhook", async () => {
    const body = orderBody();
    const order = await t.api("POST", "/orders", body);
    const start = hooks.received.length;
    const res = await pay(String(order.body.payment_session_id), {
      upi: { channel: "collect", upi_id: "testsuccess@gocash" },
    });
    expect(res.body).toMatchObject({ payment_method: "upi", channel: "collect" });
    const got = await hooks.waitFor(start + 1);
    const event = JSON.parse(got.at(-1)!.body);
    expect(event.type).toBe("PAYMENT_SUCCESS_WEBHOOK");
    expect(event.data.order.order_id).toBe(body.order_id);
    expect((await t.api("GET", `/orders/${body.order_id}`)).body.order_status).toBe("PAID");
    const payments = await t.api<Record<string, unknown>[]>("GET", `/orders/${body.order_id}/payments`);
    expect(payments.body).toHaveLength(1);
    expect(payments.body[0]).toMatchObject({ payment_status: "SUCCESS", is_captured: true, payment_group: "upi" });
    const one = await t.api("GET", `/orders/${body.order_id}/payments/${String(payments.body[0]!.cf_payment_id)}`);
    expect(one.body.payment_status).toBe("SUCCESS");
    // A paid order takes no more payments.
    expect(
      await pay(String(order.body.payment_session_id), { upi: { channel: "collect", upi_id: "testsuccess@gocash" } }),
    ).toMatchObject(err(404, "orderpay_not_found"));
  });

  it("fails by test VPA testfailure@gocash: order stays ACTIVE with a failed payment", async () => {
    const body = orderBody();
    const order = await t.api("POST", "/orders", body);
    await pay(String(order.body.payment_session_id), { upi: { channel: "collect", upi_id: "testfailure@gocash" } });
    await new Promise((r) => setTimeout(r, 150));
    const payments = await t.api<Record<string, unknown>[]>("GET", `/orders/${body.order_id}/payments`);
    expect(payments.body[0]).toMatchObject({
      payment_status: "FAILED",
      error_details: expect.objectContaining({ error_code: expect.any(String) }),
    });
    expect((await t.api("GET", `/orders/${body.order_id}`)).body.order_status).toBe("ACTIVE");
  });

  it("returns upi:// intent payloads for UPI intent, and simulator links for netbanking and wallets", async () => {
    const order = await t.api("POST", "/orders", orderBody());
    const session = String(order.body.payment_session_id);
    const intent = await pay(session, { upi: { channel: "link" } });
    expect(String((intent.body.data as { payload: { default: string } }).payload.default)).toMatch(/^upi:\/\/pay\?/);
    const nb = await pay(session, { netbanking: { channel: "link", netbanking_bank_code: "3333" } });
    expect(nb.body).toMatchObject({ payment_method: "netbanking" });
    const wallet = await pay(session, { app: { channel: "link", provider: "testwallet", phone: "9876543210" } });
    expect(wallet.body).toMatchObject({ payment_method: "app" });
  });

  it("authenticates a card payment by OTP 111000 (native OTP flow)", async () => {
    const { orderId, cfPaymentId } = await orderWithCardAttempt(t);
    const bad = await t.api("POST", `/orders/pay/authenticate/${cfPaymentId}`, { otp: "000000", action: "SUBMIT_OTP" });
    expect(bad.body.authenticate_status).toBe("FAILED");
    const good = await t.api("POST", `/orders/pay/authenticate/${cfPaymentId}`, {
      otp: "111000",
      action: "SUBMIT_OTP",
    });
    expect(good.body.authenticate_status).toBe("SUCCESS");
    expect((await t.api("GET", `/orders/${orderId}`)).body.order_status).toBe("PAID");
    expect(
      await t.api("POST", `/orders/pay/authenticate/${cfPaymentId}`, { otp: "111000", action: "SUBMIT_OTP" }),
    ).toMatchObject(err(400, "request_invalid"));
  });

  it("404s unknown payments", async () => {
    const body = orderBody();
    await t.api("POST", "/orders", body);
    expect(await t.api("GET", `/orders/${body.order_id}/payments/123`)).toMatchObject(err(404, "payment_not_found"));
  });
});

describe("simulation (POST /pg/simulate)", () => {
  it.each(["SUCCESS", "FAILED", "PENDING", "USER_DROPPED"])(
    "drives a payment to %s like a shopper would",
    async (status) => {
      const { orderId, cfPaymentId } = await orderWithCardAttempt(t);
      const start = hooks.received.length;
      const sim = await t.api("POST", "/simulate", {
        entity: "PAYMENTS",
        entity_id: cfPaymentId,
        entity_simulation: {
          payment_status: status,
          payment_error_code: status === "FAILED" ? "INSUFFICIENT_FUNDS" : undefined,
        },
      });
      expect(sim.status).toBe(200);
      expect(sim.body).toMatchObject({
        entity: "PAYMENTS",
        entity_id: cfPaymentId,
        entity_simulation: { payment_status: status },
      });
      const again = await t.api("GET", `/simulate/${String(sim.body.simulation_id)}`);
      expect(again.body).toEqual(sim.body);
      const payment = (await t.api("GET", `/orders/${orderId}/payments/${cfPaymentId}`)).body;
      expect(payment.payment_status).toBe(status);
      expect((await t.api("GET", `/orders/${orderId}`)).body.order_status).toBe(
        status === "SUCCESS" ? "PAID" : "ACTIVE",
      );
      if (status === "FAILED") expect(payment.error_details).toMatchObject({ error_code: "INSUFFICIENT_FUNDS" });
      if (status !== "PENDING") {
        const got = await hooks.waitFor(start + 1);
        expect(JSON.parse(got.at(-1)!.body).type).toBe(
          `PAYMENT_${status === "SUCCESS" ? "SUCCESS" : status === "FAILED" ? "FAILED" : "USER_DROPPED"}_WEBHOOK`,
        );
      }
    },
  );

  it("refuses bad simulations", async () => {
    expect(
      await t.api("POST", "/simulate", {
        entity: "REFUNDS",
        entity_id: "1",
        entity_simulation: { payment_status: "SUCCESS" },
      }),
    ).toMatchObject(err(400, "entity_invalid"));
    expect(
      await t.api("POST", "/simulate", { entity: "PAYMENTS", entity_simulation: { payment_status: "SUCCESS" } }),
    ).toMatchObject(err(400, "entity_id_missing"));
    expect(
      await t.api("POST", "/simulate", {
        entity: "PAYMENTS",
        entity_id: "1",
        entity_simulation: { payment_status: "MAYBE" },
      }),
    ).toMatchObject(err(400, "entity_simulation.payment_status_invalid"));
    expect(
      await t.api("POST", "/simulate", {
        entity: "PAYMENTS",
        entity_id: "1",
        entity_simulation: { payment_status: "SUCCESS" },
      }),
    ).toMatchObject(err(404, "payment_not_found"));
    expect(await t.api("GET", "/simulate/999")).toMatchObject(err(404, "simulation_not_found"));
  });

  it("auto-refunds a second successful payment on an already paid order", async () => {
    const first = await orderWithCardAttempt(t);
    const second = await t.api<{ cf_payment_id: string }>("POST", "/orders/sessions", {
      payment_session_id: first.sessionId,
      payment_method: { netbanking: { channel: "link", netbanking_bank_code: "3333" } },
    });
    await t.api("POST", "/simulate", {
      entity: "PAYMENTS",
      entity_id: first.cfPaymentId,
      entity_simulation: { payment_status: "SUCCESS" },
    });
    await t.api("POST", "/simulate", {
      entity: "PAYMENTS",
      entity_id: String(second.body.cf_payment_id),
      entity_simulation: { payment_status: "SUCCESS" },
    });
    const refunds = await t.api<Record<string, unknown>[]>("GET", `/orders/${first.orderId}/refunds`);
    expect(refunds.body).toEqual([
      expect.objectContaining({ refund_type: "PAYMENT_AUTO_REFUND", refund_amount: 499.5 }),
    ]);
  });
});

describe("refunds", () => {
  async function paidOrder() {
    const o = await orderWithCardAttempt(t, { order_amount: 1000 });
    await t.api("POST", "/simulate", {
      entity: "PAYMENTS",
      entity_id: o.cfPaymentId,
      entity_simulation: { payment_status: "SUCCESS" },
    });
    return o;
  }

  it("refunds partially, then the rest, never more than captured; PENDING settles to SUCCESS with a webhook", async () => {
    const { orderId } = await paidOrder();
    const partial = await t.api("POST", `/orders/${orderId}/refunds`, {
      refund_id: "r_part_1",
      refund_amount: 400.25,
      refund_note: "one item",
    });
    expect(partial.body).toMatchObject({
      refund_id: "r_part_1",
      refund_amount: 400.25,
      refund_status: "PENDING",
      order_id: orderId,
      entity: "refund",
    });
    expect(
      await t.api("POST", `/orders/${orderId}/refunds`, { refund_id: "r_part_2", refund_amount: 600 }),
    ).toMatchObject(err(400, "refund_amount_invalid"));
    expect(
      await t.api("POST", `/orders/${orderId}/refunds`, { refund_id: "r_part_1", refund_amount: 1 }),
    ).toMatchObject(err(400, "refund_id_already_exists"));
    const rest = await t.api("POST", `/orders/${orderId}/refunds`, { refund_id: "r_part_2", refund_amount: 599.75 });
    expect(rest.status).toBe(200);
    const types = await hooks.waitForEvents((e) => e.data.refund?.order_id === orderId, 2);
    expect(types.map((e) => e.type)).toEqual(["REFUND_STATUS_WEBHOOK", "REFUND_STATUS_WEBHOOK"]);
    expect(types.map((e) => e.data.refund.refund_status)).toEqual(["SUCCESS", "SUCCESS"]);
    const one = await t.api("GET", `/orders/${orderId}/refunds/r_part_1`);
    expect(one.body.refund_status).toBe("SUCCESS");
    const list = await t.api<unknown[]>("GET", `/orders/${orderId}/refunds`);
    expect(list.body).toHaveLength(2);
  });

  it("refuses refunds of unpaid orders, bad amounts and bad ids, and 404s unknown refunds", async () => {
    const body = orderBody();
    await t.api("POST", "/orders", body);
    expect(
      await t.api("POST", `/orders/${body.order_id}/refunds`, { refund_id: "r_1", refund_amount: 1 }),
    ).toMatchObject(err(400, "refund_invalid"));
    const { orderId } = await paidOrder();
    expect(await t.api("POST", `/orders/${orderId}/refunds`, { refund_amount: 1 })).toMatchObject(
      err(400, "refund_id_missing"),
    );
    expect(await t.api("POST", `/orders/${orderId}/refunds`, { refund_id: "r!", refund_amount: 1 })).toMatchObject(
      err(400, "refund_id_invalid"),
    );
    expect(await t.api("POST", `/orders/${orderId}/refunds`, { refund_id: "r_neg", refund_amount: -5 })).toMatchObject(
      err(400, "refund_amount_invalid"),
    );
    expect(await t.api("GET", `/orders/${orderId}/refunds/none`)).toMatchObject(err(404, "refund_not_found"));
  });
});

describe("payment links", () => {
  const linkBody = (id: string) => ({
    link_id: id,
    link_amount: 250,
    link_currency: "INR",
    link_purpose: "Custom order",
    customer_details: { customer_phone: "9876543210", customer_name: "Asha" },
    link_notify: { send_sms: false, send_email: false },
  });

  it("creates, gets, lists orders of and cancels a link", async () => {
    const id = `link_${Date.now().toString(36)}`;
    const created = await t.api("POST", "/links", linkBody(id));
    expect(created.body).toMatchObject({ link_id: id, link_status: "ACTIVE", link_amount: 250, link_currency: "INR" });
    expect(String(created.body.link_url)).toContain(t.sandbox.url);
    expect((await t.api("GET", `/links/${id}`)).body).toMatchObject({ link_id: id, link_status: "ACTIVE" });
    expect((await t.api<unknown[]>("GET", `/links/${id}/orders`)).body).toEqual([]);
    const cancelled = await t.api("POST", `/links/${id}/cancel`);
    expect(cancelled.body.link_status).toBe("CANCELLED");
    expect(await t.api("POST", `/links/${id}/cancel`)).toMatchObject(err(400, "link_not_active"));
  });

  it("refuses duplicates, bad amounts and missing fields, and 404s unknown links", async () => {
    const id = `link_dup_${Date.now().toString(36)}`;
    await t.api("POST", "/links", linkBody(id));
    expect(await t.api("POST", "/links", linkBody(id))).toMatchObject(err(409, "link_already_exists"));
    expect(await t.api("POST", "/links", { ...linkBody("link_x1"), link_amount: 0.5 })).toMatchObject(
      err(400, "link_amount_invalid"),
    );
    expect(await t.api("POST", "/links", { ...linkBody("link_x2"), link_purpose: undefined })).toMatchObject(
      err(400, "link_purpose_missing"),
    );
    expect(await t.api("GET", "/links/nope")).toMatchObject(err(404, "link_not_found"));
  });

  it("pays a link on its hosted page: the link becomes PAID and its order is listed", async () => {
    const id = `link_pay_${Date.now().toString(36)}`;
    const created = await t.api("POST", "/links", linkBody(id));
    const linkUrl = String(created.body.link_url);
    const landing = await fetch(linkUrl);
    expect(await landing.text()).toContain("Custom order");
    const checkout = await fetch(`${linkUrl}/pay`, { method: "POST" });
    const session = /name="payment_session_id" value="([^"]+)"/.exec(await checkout.text())![1]!;
    const start = hooks.received.length;
    await t.api("POST", "/orders/sessions", {
      payment_session_id: session,
      payment_method: { upi: { channel: "collect", upi_id: "testsuccess@gocash" } },
    });
    const got = await hooks.waitFor(start + 2);
    expect(
      got
        .slice(start)
        .map((h) => JSON.parse(h.body).type)
        .sort(),
    ).toEqual(["PAYMENT_LINK_EVENT", "PAYMENT_SUCCESS_WEBHOOK"]);
    expect((await t.api("GET", `/links/${id}`)).body.link_status).toBe("PAID");
    const orders = await t.api<{ order_status: string }[]>("GET", `/links/${id}/orders`);
    expect(orders.body.map((o) => o.order_status)).toEqual(["PAID"]);
  });
});

describe("rate limiting", () => {
  it("answers 429 with x-ratelimit-* headers past the limit", async () => {
    const limited = await startTestSandbox({ rateLimitPerMinute: 2 });
    try {
      expect((await limited.api("GET", "/orders/a1b")).status).toBe(404);
      expect((await limited.api("GET", "/orders/a1b")).status).toBe(404);
      const res = await limited.api("GET", "/orders/a1b");
      expect(res).toMatchObject(err(429, "request_failed", "rate_limit_error"));
      expect(res.headers.get("x-ratelimit-limit")).toBe("2");
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(res.headers.get("x-ratelimit-retry"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("call counts", () => {
  it("counts the PG API requests it received, by method and path, until a reset", async () => {
    const counted = await startTestSandbox();
    try {
      const { order_id } = orderBody();
      await counted.api("POST", "/orders", orderBody({ order_id }));
      for (let i = 0; i < 3; i++) await counted.api("GET", `/orders/${order_id}`);
      await counted.api("GET", `/orders/${order_id}/payments`);
      const res = await fetch(`${counted.sandbox.url}/_sandbox/calls?path=/pg/orders/${order_id}`);
      expect(await res.json()).toEqual({ calls: { [`GET /pg/orders/${order_id}`]: 3 } });
      expect(counted.sandbox.apiCalls.get(`GET /pg/orders/${order_id}/payments`)).toBe(1);
      await fetch(`${counted.sandbox.url}/_sandbox/reset`, { method: "POST" });
      expect(counted.sandbox.apiCalls.size).toBe(0);
    } finally {
      await counted.close();
    }
  });
});

describe("contract", () => {
  it.skipIf(!contractAvailable)(
    "every request accepted and response sent above matches Cashfree's OpenAPI document",
    () => {
      expect(t.exchanges.length).toBeGreaterThan(50);
      expect(allViolations(t.exchanges)).toEqual([]);
    },
  );
});
