import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { serviceCharge, serviceTax } from "./settlements";
import { allViolations, contractAvailable } from "./testing/contract";
import { sandboxWithWebhooks } from "./testing/suite";
import { orderWithCardAttempt } from "./testing/harness";

const { t, hooks } = sandboxWithWebhooks();

async function paidOrder(amount: number) {
  const o = await orderWithCardAttempt(t, { order_amount: amount });
  await t.api("POST", "/simulate", {
    entity: "PAYMENTS",
    entity_id: o.cfPaymentId,
    entity_simulation: { payment_status: "SUCCESS" },
  });
  return o;
}

type Settlement = Record<string, unknown> & { cf_settlement_id: string; utr: string | null; status: string };
const settlementEvents = (id: string) => hooks.waitForEvents((e) => String(e.data.settlement?.settlement_id) === id, 1);

describe("charges", () => {
  it("1.75 % rounded to the paisa, 18 % GST on it rounded down (the docs sample: ₹100 → ₹1.75 + ₹0.31)", () => {
    expect(serviceCharge(10_000)).toBe(175);
    expect(serviceTax(175)).toBe(31);
    expect(serviceCharge(149_900)).toBe(2623); // 2623.25
    expect(serviceCharge(99_99)).toBe(175); // 174.98…
    expect(serviceTax(2623)).toBe(472); // 472.14
  });
});

describe("settlements on demand", () => {
  it("groups unsettled successful payments less refunds, sends INITIATED then SUCCESS, signed", async () => {
    await t.control("POST", "/reset");
    hooks.received.length = 0;
    const a = await paidOrder(1499);
    const b = await paidOrder(100);
    const refunded = await t.api("POST", `/orders/${b.orderId}/refunds`, { refund_id: "r_settle", refund_amount: 40 });
    expect(refunded.status).toBe(200);
    await t.control("POST", "/refunds/settle");

    const triggered = await t.control<Settlement>("POST", "/settlements");
    expect(triggered.status).toBe(200);
    const charge = serviceCharge(149_900) + serviceCharge(10_000);
    const tax = serviceTax(serviceCharge(149_900)) + serviceTax(serviceCharge(10_000));
    expect(triggered.body).toMatchObject({
      status: "INITIATED",
      utr: null,
      payment_amount: 1599,
      service_charge: charge / 100,
      service_tax: tax / 100,
      adjustment: -40,
      amount_settled: (159_900 - charge - tax - 4_000) / 100,
      settlement_amount: (159_900 - charge - tax - 4_000) / 100,
    });
    const id = triggered.body.cf_settlement_id;
    const [initiated] = await settlementEvents(id);
    expect(initiated!.type).toBe("SETTLEMENT_INITIATED");

    const processed = await t.control<Settlement>("POST", `/settlements/${id}/process`);
    expect(processed.body).toMatchObject({ status: "SUCCESS", utr: expect.stringMatching(/^CFSB\d{12}$/) });
    const events = await hooks.waitForEvents((e) => String(e.data.settlement?.settlement_id) === id, 2);
    expect(events.map((e) => e.type)).toEqual(["SETTLEMENT_INITIATED", "SETTLEMENT_SUCCESS"]);
    expect(events[1]!.data.settlement).toMatchObject({ status: "SUCCESS", utr: processed.body.utr });

    // Signed like every other webhook: base64 HMAC-SHA256 of timestamp + raw body with the client secret.
    const delivery = hooks.received.find((r) => r.body.includes('"SETTLEMENT_SUCCESS"'))!;
    const expected = createHmac("sha256", t.sandbox.secretKey)
      .update(`${String(delivery.headers["x-webhook-timestamp"])}${delivery.body}`)
      .digest("base64");
    expect(delivery.headers["x-webhook-signature"]).toBe(expected);

    // Nothing left to settle: a second trigger is refused, and the order's settlement is found.
    expect((await t.control("POST", "/settlements")).status).toBe(400);
    const byOrder = await t.api("GET", `/orders/${a.orderId}/settlements`);
    expect(byOrder.body).toMatchObject({
      order_id: a.orderId,
      cf_payment_id: a.cfPaymentId,
      cf_settlement_id: id,
      transfer_utr: processed.body.utr,
      order_amount: 1499,
      service_charge: 26.23,
    });
    expect((await t.control("POST", `/settlements/${id}/process`)).status).toBe(400);
  });

  it("lists by id, UTR and dates with a cursor, and reports recon lines per settlement", async () => {
    await t.control("POST", "/reset");
    const ids: string[] = [];
    for (const amount of [10, 20, 30]) {
      const o = await paidOrder(amount);
      const s = await t.control<Settlement>("POST", "/settlements", { order_ids: [o.orderId] });
      ids.push(s.body.cf_settlement_id);
    }
    const done = await t.control<Settlement>("POST", `/settlements/${ids[1]}/process`);
    const range = {
      start_date: new Date(Date.now() - 60_000).toISOString(),
      end_date: new Date(Date.now() + 60_000).toISOString(),
    };

    const first = await t.api<{ cursor: string | null; data: Settlement[] }>("POST", "/settlements", {
      pagination: { limit: 2 },
      filters: range,
    });
    expect(first.status).toBe(200);
    expect(first.body.data.map((s) => s.cf_settlement_id)).toEqual(ids.slice(0, 2));
    const second = await t.api<{ cursor: string | null; data: Settlement[] }>("POST", "/settlements", {
      pagination: { limit: 2, cursor: first.body.cursor },
      filters: range,
    });
    expect(second.body.data.map((s) => s.cf_settlement_id)).toEqual([ids[2]]);
    expect(second.body.cursor).toBeNull();

    const byUtr = await t.api<{ data: Settlement[] }>("POST", "/settlements", {
      pagination: { limit: 10 },
      filters: { settlement_utrs: [done.body.utr] },
    });
    expect(byUtr.body.data.map((s) => s.cf_settlement_id)).toEqual([ids[1]]);

    const recon = await t.api<{ cursor: string | null; data: Record<string, Record<string, unknown>>[] }>(
      "POST",
      "/settlement/recon",
      { pagination: { limit: 10 }, filters: { cf_settlement_ids: [ids[1]] } },
    );
    expect(recon.body.data).toHaveLength(1);
    expect(recon.body.data[0]).toMatchObject({
      event_details: { event_type: "PAYMENT", event_amount: 20, sale_type: "CREDIT", event_service_charge: 0.35 },
      order_details: { order_amount: 20 },
      settlement_details: { cf_settlement_id: ids[1], utr: done.body.utr },
    });

    expect(await t.api("POST", "/settlements", { pagination: { limit: 10 }, filters: {} })).toMatchObject({
      status: 400,
      body: { code: "filters_invalid" },
    });
    expect(await t.api("POST", "/settlements", { pagination: { limit: 0 }, filters: range })).toMatchObject({
      status: 400,
      body: { code: "pagination_limit_invalid" },
    });
    expect(
      await t.api("POST", "/settlements", { pagination: { limit: 1, cursor: "bogus" }, filters: range }),
    ).toMatchObject({ status: 400, body: { code: "pagination_cursor_invalid" } });
  });

  it("fails and reverses settlements; an order with none answers 404", async () => {
    await t.control("POST", "/reset");
    const o = await paidOrder(50);
    const s = await t.control<Settlement>("POST", "/settlements");
    const failed = await t.control<Settlement>("POST", `/settlements/${s.body.cf_settlement_id}/process`, {
      status: "FAILED",
    });
    expect(failed.body).toMatchObject({ status: "FAILED", reason: expect.any(String) });
    expect(await t.api("GET", `/orders/${o.orderId}/settlements`)).toMatchObject({
      status: 404,
      body: { code: "settlement_not_found" },
    });
    // A failed settlement's payments are settled again by the next one.
    const again = await t.control<Settlement>("POST", "/settlements");
    expect(again.body.payment_amount).toBe(50);
    await t.control("POST", `/settlements/${again.body.cf_settlement_id}/process`);
    const reversed = await t.control<Settlement>("POST", `/settlements/${again.body.cf_settlement_id}/process`, {
      status: "REVERSED",
    });
    expect(reversed.body.status).toBe("REVERSED");
    const events = await hooks.waitForEvents(
      (e) => String(e.data.settlement?.settlement_id) === again.body.cf_settlement_id,
      3,
    );
    expect(events.map((e) => e.type)).toEqual(["SETTLEMENT_INITIATED", "SETTLEMENT_SUCCESS", "SETTLEMENT_REVERSED"]);
  });
});

describe("contract", () => {
  it.skipIf(!contractAvailable)("settlement requests and responses match Cashfree's OpenAPI document", () => {
    expect(t.exchanges.some((e) => e.path === "/settlement/recon")).toBe(true);
    expect(allViolations(t.exchanges)).toEqual([]);
  });
});
