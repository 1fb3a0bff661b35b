import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CashfreeConfig } from "./config";
import {
  fetchCashfreeSettlementRecon,
  fetchCashfreeSettlements,
  getCashfreeOrderSettlement,
  settlementSchema,
} from "./settlements";
import { cashfreeTime } from "./schemas";
import { parseCashfreeWebhook } from "./webhook-events";

// The docs sample of SETTLEMENT_SUCCESS (https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks), as Cashfree writes it: numbers for amounts, id and UTR.
const SAMPLE =
  '{"data":{"settlement":{"adjustment":0,"amount_settled":97.94,"payment_amount":100,"payment_from":"2025-02-14 12:00:00","payment_till":"2025-02-14 12:15:00","reason":null,"service_charge":1.75,"service_tax":0.31,"settled_on":"2025-02-14T12:35:19+05:30","settlement_type":"STANDARD","settlement_amount":97.94,"settlement_id":738,"settlement_initiated_on":"2025-02-14T12:35:17+05:30","status":"SUCCESS","utr":1644822317781212,"settlement_charge":0,"settlement_tax":0,"remarks":null,"forex_conversion_handling_charge":null,"forex_conversion_handling_tax":null,"forex_conversion_rate":null,"charges_currency":null}},"event_time":"2022-02-08T13:37:34+05:30","type":"SETTLEMENT_SUCCESS"}';

describe("settlement parsing", () => {
  it("reads the docs sample into exact paise, string ids and IST times", () => {
    const event = parseCashfreeWebhook(JSON.parse(SAMPLE), SAMPLE);
    expect(event).toEqual({
      kind: "settlement",
      type: "SETTLEMENT_SUCCESS",
      dedupeKey: "SETTLEMENT_SUCCESS:738:SUCCESS",
      settlement: {
        cfSettlementId: "738",
        utr: "1644822317781212",
        status: "SUCCESS",
        settlementType: "STANDARD",
        currency: "INR",
        paymentFrom: new Date("2025-02-14T06:30:00Z"),
        paymentTill: new Date("2025-02-14T06:45:00Z"),
        initiatedOn: new Date("2025-02-14T07:05:17Z"),
        settledOn: new Date("2025-02-14T07:05:19Z"),
        paymentAmountPaise: 10_000,
        serviceChargePaise: 175,
        serviceTaxPaise: 31,
        settlementChargePaise: 0,
        settlementTaxPaise: 0,
        adjustmentPaise: 0,
        amountSettledPaise: 9_794,
        reason: null,
        remarks: null,
      },
    });
  });

  it("takes amounts as strings too (§7.11), negative adjustments, and refuses more than two decimals", () => {
    const base = { settlement_id: "9", status: "success", payment_amount: "1499.99", adjustment: "-40.5" };
    expect(settlementSchema.parse(base)).toMatchObject({
      cfSettlementId: "9",
      status: "SUCCESS",
      paymentAmountPaise: 149_999,
      adjustmentPaise: -4_050,
      amountSettledPaise: 0,
    });
    expect(settlementSchema.safeParse({ ...base, payment_amount: 0.1 + 0.2 }).success).toBe(false);
    expect(settlementSchema.safeParse({ status: "SUCCESS" }).success).toBe(false);
  });

  it("a settlement event it cannot read is kept as unknown, not dropped", () => {
    const body = { type: "SETTLEMENT_SUCCESS", data: { settlement: { status: "SUCCESS" } } };
    expect(parseCashfreeWebhook(body, JSON.stringify(body))).toMatchObject({
      kind: "unknown",
      type: "SETTLEMENT_SUCCESS",
    });
  });

  it("reads times with an offset, and Cashfree's offset-less window times as India time", () => {
    expect(cashfreeTime("2025-02-14 12:00:00")).toEqual(new Date("2025-02-14T06:30:00Z"));
    expect(cashfreeTime("2025-02-14T12:35:19+05:30")).toEqual(new Date("2025-02-14T07:05:19Z"));
    expect(cashfreeTime("not a time")).toBeNull();
    expect(cashfreeTime(null)).toBeNull();
  });
});

// A server that pages forever (a cursor that never ends), or answers what a test sets.
let server: Server;
let config: CashfreeConfig;
let requests: { path: string; body: { pagination: { limit: number; cursor?: string }; filters: unknown } }[] = [];
let answer: (n: number) => { status: number; body: unknown } = () => ({ status: 200, body: {} });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ path: req.url!, body: JSON.parse(body || "{}") });
      const reply = answer(requests.length);
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  config = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { kind: "merchant", appId: "app", secretKey: "secret" },
    timeoutMs: 2_000,
    maxRetries: 0,
    retryBaseMs: 1,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("settlement listings", () => {
  it("follows the cursor to the last page, sending the filters each time", async () => {
    requests = [];
    answer = (n) => ({
      status: 200,
      body: {
        cursor: n < 3 ? `c${n}` : null,
        limit: 200,
        data: [{ settlement_id: n, status: "SUCCESS", amount_settled: "1.5" }],
      },
    });
    const from = new Date("2026-12-01T00:00:00+05:30");
    const till = new Date("2026-12-01T23:59:59.999+05:30");
    const found = await fetchCashfreeSettlements(config, { from, till });
    expect(found.map((s) => [s.cfSettlementId, s.amountSettledPaise])).toEqual([
      ["1", 150],
      ["2", 150],
      ["3", 150],
    ]);
    expect(requests.map((r) => r.body.pagination)).toEqual([
      { limit: 200 },
      { limit: 200, cursor: "c1" },
      { limit: 200, cursor: "c2" },
    ]);
    expect(requests[0]!.body.filters).toEqual({ start_date: from.toISOString(), end_date: till.toISOString() });
  });

  it("stops a listing that never ends instead of looping for ever", async () => {
    requests = [];
    answer = (n) => ({
      status: 200,
      body: {
        cursor: `c${n}`,
        data: [
          {
            event_details: { event_id: String(n), event_type: "PAYMENT", event_amount: 1, event_settlement_amount: 1 },
          },
        ],
      },
    });
    await expect(fetchCashfreeSettlementRecon(config, { cfSettlementIds: ["1"] })).rejects.toThrow(/more than/);
    expect(requests).toHaveLength(50);
  });

  it("reads a DEBIT recon line as money out of the settlement", async () => {
    answer = () => ({
      status: 200,
      body: {
        cursor: null,
        data: [
          {
            event_details: {
              event_id: "r1",
              event_type: "REFUND",
              event_amount: 40.5,
              event_settlement_amount: 40.5,
              sale_type: "DEBIT",
            },
            order_details: { order_id: "KC-1" },
            settlement_details: { cf_settlement_id: "9" },
          },
        ],
      },
    });
    expect(await fetchCashfreeSettlementRecon(config, { cfSettlementIds: ["9"] })).toEqual([
      expect.objectContaining({
        cfSettlementId: "9",
        eventType: "REFUND",
        amountPaise: 4_050,
        settlementAmountPaise: -4_050,
        cfOrderId: "KC-1",
      }),
    ]);
  });

  it("answers null for an order Cashfree has not settled (404), and throws on other errors", async () => {
    answer = () => ({
      status: 404,
      body: { code: "settlement_not_found", type: "invalid_request_error", message: "x" },
    });
    expect(await getCashfreeOrderSettlement(config, "KC-1")).toBeNull();
    answer = () => ({ status: 401, body: { code: "request_failed", type: "authentication_error", message: "x" } });
    await expect(getCashfreeOrderSettlement(config, "KC-1")).rejects.toThrow(/401/);
  });
});
