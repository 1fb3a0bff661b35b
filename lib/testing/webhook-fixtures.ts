import { randomUUID } from "node:crypto";

import { signCashfreePayload } from "@/lib/cashfree/signature";

const TEST_SECRET = "cfsk_ma_test_local_sandbox_secret";

/** A 2025-01-01 payment webhook body, with amounts written the way Cashfree writes them ("1499.00"). */
export function paymentWebhookBody(options: {
  orderId: string;
  cfPaymentId: string;
  status: "SUCCESS" | "FAILED" | "USER_DROPPED";
  amount: string;
  currency?: string;
}) {
  const type = {
    SUCCESS: "PAYMENT_SUCCESS_WEBHOOK",
    FAILED: "PAYMENT_FAILED_WEBHOOK",
    USER_DROPPED: "PAYMENT_USER_DROPPED_WEBHOOK",
  }[options.status];
  const currency = options.currency ?? "INR";
  const error =
    options.status === "FAILED"
      ? `,"error_details":{"error_code":"TRANSACTION_DECLINED","error_description":"issuer bank declined the transaction","error_reason":"auth_declined","error_source":"customer"}`
      : "";
  return `{"data":{"order":{"order_id":"${options.orderId}","order_amount":${options.amount},"order_currency":"${currency}","order_tags":null},"payment":{"cf_payment_id":"${options.cfPaymentId}","payment_status":"${options.status}","payment_amount":${options.amount},"payment_currency":"${currency}","payment_message":"Transaction ${options.status.toLowerCase()}","payment_time":"2026-11-22T12:20:29+05:30","bank_reference":"234928698581","auth_id":null,"payment_method":{"upi":{"channel":"collect","upi_id":"testsuccess@gocash"}},"payment_group":"upi"},"customer_details":{"customer_name":"Asha Rao","customer_id":"C9876543210","customer_email":"asha@example.com","customer_phone":"9876543210"}${error}},"event_time":"2026-11-22T12:20:30+05:30","type":"${type}"}`;
}

export function signedHeaders(
  rawBody: string,
  options: { secret?: string; timestampMs?: number; version?: string; idempotencyKey?: string | null } = {},
) {
  const timestamp = String(options.timestampMs ?? Date.now());
  const headers = new Headers({
    "content-type": "application/json",
    "x-webhook-timestamp": timestamp,
    "x-webhook-signature": signCashfreePayload(options.secret ?? TEST_SECRET, timestamp, rawBody),
    "x-webhook-version": options.version ?? "2025-01-01",
    "x-webhook-attempt": "1",
  });
  const key = options.idempotencyKey === undefined ? randomUUID() : options.idempotencyKey;
  if (key) headers.set("x-idempotency-key", key);
  return headers;
}
