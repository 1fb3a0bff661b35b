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

/**
 * Cashfree's documented offer: order_amount 2, payment_amount 1, an offer whose redemption SUCCEEDED with
 * discount_amount 1 (the 2025-01-01 PAYMENT_SUCCESS_WEBHOOK sample,
 * https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks).
 */
export const DOCUMENTED_OFFER = {
  offer_id: "0f05e1d0-fbf8-4c9c-a1f0-814c7b2abdba",
  offer_type: "DISCOUNT",
  offer_meta: {
    offer_title: "50% off on UPI",
    offer_description: "50% off for testing",
    offer_code: "UPI50",
    offer_start_time: "2022-11-09T06:23:25.972Z",
    offer_end_time: "2025-02-27T18:30:00Z",
  },
  offer_redemption: { redemption_status: "SUCCESS", discount_amount: 1, cashback_amount: 0 },
};
/** Cashfree's documented 2025-01-01 PAYMENT_SUCCESS_WEBHOOK (an offer: order ₹2, paid ₹1), for our order. */
export function documentedOfferSuccessWebhook(orderId: string) {
  return JSON.stringify({
    data: {
      order: { order_id: orderId, order_amount: 2, order_currency: "INR", order_tags: null },
      payment: {
        cf_payment_id: `${orderId}-wh`,
        payment_status: "SUCCESS",
        payment_amount: 1,
        payment_currency: "INR",
        payment_message: "00::Transaction success",
        payment_time: "2025-01-15T12:20:29+05:30",
        bank_reference: "234928698581",
        auth_id: null,
        payment_method: { upi: { channel: "collect", upi_id: "rishab@ybl" } },
        payment_group: "upi",
        international_payment: { international: false },
        payment_surcharge: { payment_surcharge_service_charge: 0.36, payment_surcharge_service_tax: 0.06 },
      },
      customer_details: { customer_name: null, customer_id: "7112AAA812234", customer_email: "test@gmail.com" },
      payment_gateway_details: { gateway_name: "CASHFREE", gateway_order_id: "1634766330" },
      payment_offers: [DOCUMENTED_OFFER],
      terminal_details: { cf_terminal_id: 17269, terminal_phone: "8971520311" },
    },
    event_time: "2025-01-15T11:16:10+05:30",
    type: "PAYMENT_SUCCESS_WEBHOOK",
  });
}

/** Cashfree's documented PAYMENT_FAILED_WEBHOOK (error_details and a null payment_offers beside the payment). */
export function documentedFailedWebhook(orderId: string) {
  return JSON.stringify({
    data: {
      order: { order_id: orderId, order_amount: 2, order_currency: "INR", order_tags: null },
      payment: {
        cf_payment_id: `${orderId}-failed`,
        payment_status: "FAILED",
        payment_amount: 2,
        payment_currency: "INR",
        payment_message: "AMOUNT SHOULD BE WITHIN RANGE BETWEEN 20.00 TO 500000.00.",
        payment_time: "2023-01-06T20:00:11+05:30",
        bank_reference: "NA",
        auth_id: "null",
        payment_method: { netbanking: { channel: null, netbanking_bank_code: "3054" } },
        payment_group: "net_banking",
      },
      error_details: {
        error_code: "GATEWAY_ERROR",
        error_description: "AMOUNT SHOULD BE WITHIN RANGE BETWEEN 20.00 TO 500000.00. for this bank",
        error_reason: "invalid_amount",
        error_source: "cashfree",
      },
      payment_offers: null,
    },
    event_time: "2023-08-01T20:00:12+05:30",
    type: "PAYMENT_FAILED_WEBHOOK",
  });
}
