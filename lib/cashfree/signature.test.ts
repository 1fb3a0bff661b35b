import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { signCashfreePayload, verifyCashfreeSignature } from "./signature";

// A reference vector for Cashfree's documented algorithm, base64(HMAC-SHA256(timestamp + raw body, secret key))
// (https://www.cashfree.com/docs/payments/online/webhooks/overview).
const secret = "cfsk_test_secret";
const timestamp = "1746427759733";
const body = `{"data":{"order":{"order_id":"order_1","order_amount":170.00}},"event_time":"2025-01-15T11:16:10+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}`;
const goodSignature = "Ih9Y+GVxkOnH8aLyQxAqp5J2JNhHu8Kz2w5MuhM7SNE=";
const now = Number(timestamp) + 1_000;
const tolerance = 5 * 60_000;

const verify = (overrides: Partial<Parameters<typeof verifyCashfreeSignature>[0]>) =>
  verifyCashfreeSignature({
    rawBody: body,
    signature: goodSignature,
    timestamp,
    secret,
    nowMs: now,
    toleranceMs: tolerance,
    ...overrides,
  });

describe("Cashfree webhook signatures", () => {
  it("matches the reference vector and an independent HMAC", () => {
    expect(signCashfreePayload(secret, timestamp, body)).toBe(goodSignature);
    const independent = createHmac("sha256", secret).update(`${timestamp}${body}`).digest("base64");
    expect(independent).toBe(goodSignature);
  });

  it("accepts a good signature", () => {
    expect(verify({})).toEqual({ ok: true, timestampMs: Number(timestamp) });
  });

  it("keeps decimals byte for byte: 170.00 re-serialised as 170 no longer verifies", () => {
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(reserialised).toContain('"order_amount":170}');
    expect(verify({ rawBody: reserialised })).toEqual({ ok: false, reason: "bad_signature" });
    expect(signCashfreePayload(secret, timestamp, reserialised)).toBe("3UGy4TBbRr4ZfUIIJimrAb1kkB0GIGavKQ2f7e7uaMQ=");
  });

  it.each([
    ["tampered body", { rawBody: body.replace("order_1", "order_2") }, "bad_signature"],
    ["tampered signature", { signature: goodSignature.replace("I", "J") }, "bad_signature"],
    ["wrong secret", { secret: "cfsk_other_merchant" }, "bad_signature"],
    ["base64 garbage", { signature: "!!!not-base64!!!" }, "bad_signature"],
    ["empty signature", { signature: "" }, "missing_headers"],
    ["missing timestamp", { timestamp: null }, "missing_headers"],
    ["non-numeric timestamp", { timestamp: "2025-01-15T11:16:10Z" }, "malformed_timestamp"],
    ["stale by 6 minutes", { nowMs: Number(timestamp) + 6 * 60_000 }, "stale_timestamp"],
    ["6 minutes in the future", { nowMs: Number(timestamp) - 6 * 60_000 }, "stale_timestamp"],
    ["timestamp in seconds", { timestamp: timestamp.slice(0, 10) }, "stale_timestamp"],
  ] as const)("rejects %s", (_name, overrides, reason) => {
    expect(verify(overrides)).toEqual({ ok: false, reason });
  });

  it("rejects a signature of the right length but wrong bytes without throwing", () => {
    expect(verify({ signature: "A".repeat(goodSignature.length) })).toEqual({ ok: false, reason: "bad_signature" });
  });
});
