import { describe, expect, it } from "vitest";

import { parseCashfreeWebhook } from "./webhook-events";
import { cashfreeTime, settlementSchema } from "./settlements";

// The docs sample of SETTLEMENT_SUCCESS (api-reference.md §7.10), as Cashfree writes it: numbers for amounts, id and UTR.
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
