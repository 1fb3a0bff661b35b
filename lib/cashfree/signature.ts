import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureCheck =
  | { ok: true; timestampMs: number }
  | { ok: false; reason: "missing_headers" | "malformed_timestamp" | "stale_timestamp" | "bad_signature" };

export interface SignatureInput {
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  secret: string;
  nowMs: number;
  toleranceMs: number;
}

/** Cashfree's webhook signature: base64(HMAC-SHA256(secret, timestamp + rawBody)) over the exact bytes received. */
export function signCashfreePayload(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret)
    .update(timestamp + rawBody)
    .digest("base64");
}

export function verifyCashfreeSignature(input: SignatureInput): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: "missing_headers" };
  // Milliseconds since the epoch as digits; a timestamp in seconds lands decades in the past and is refused as stale.
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: "malformed_timestamp" };
  const timestampMs = Number(timestamp);
  if (Math.abs(input.nowMs - timestampMs) > input.toleranceMs) return { ok: false, reason: "stale_timestamp" };

  const expected = Buffer.from(signCashfreePayload(input.secret, timestamp, input.rawBody));
  const received = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length of a valid signature is public (44 base64 characters).
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true, timestampMs };
}
