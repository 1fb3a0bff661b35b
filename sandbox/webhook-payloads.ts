import { istTimestamp } from "./clock";
import { amountDecimal, Decimal2, stringifyWithDecimals } from "./money";
import type { SandboxLink, SandboxOrder, SandboxPayment, SandboxRefund } from "./store";

/** Webhook bodies as Cashfree sends them (https://www.cashfree.com/docs/payments/online/webhooks/overview), amounts with two decimals ("170.00"). */

const PAYMENT_TYPES = {
  SUCCESS: "PAYMENT_SUCCESS_WEBHOOK",
  FAILED: "PAYMENT_FAILED_WEBHOOK",
  USER_DROPPED: "PAYMENT_USER_DROPPED_WEBHOOK",
} as const;

function paymentWebhookType(status: SandboxPayment["status"]): string | null {
  return status in PAYMENT_TYPES ? PAYMENT_TYPES[status as keyof typeof PAYMENT_TYPES] : null;
}

export function paymentWebhook(order: SandboxOrder, payment: SandboxPayment, nowMs: number, version: string) {
  const type = paymentWebhookType(payment.status);
  if (!type) return null;
  const modern = version >= "2025-01-01";
  const data: Record<string, unknown> = {
    order: {
      order_id: order.orderId,
      order_amount: new Decimal2(order.amountPaise),
      order_currency: order.currency,
      order_tags: order.tags,
    },
    payment: {
      cf_payment_id: payment.cfPaymentId,
      payment_status: payment.status,
      payment_amount: new Decimal2(payment.amountPaise),
      payment_currency: payment.currency,
      payment_message: payment.message,
      payment_time: istTimestamp(payment.timeMs),
      bank_reference: payment.bankReference ?? "NA",
      auth_id: null,
      payment_method: payment.method,
      payment_group: payment.group,
      ...(modern ? { international_payment: { international: false }, payment_surcharge: null } : {}),
    },
    customer_details: {
      customer_name: order.customer.customer_name ?? null,
      customer_id: order.customer.customer_id,
      customer_email: order.customer.customer_email ?? null,
      customer_phone: order.customer.customer_phone,
    },
    payment_gateway_details: {
      gateway_name: "CASHFREE",
      gateway_order_id: order.cfOrderId,
      gateway_payment_id: payment.cfPaymentId,
      gateway_settlement: "CASHFREE",
      gateway_status_code: null,
    },
  };
  if (payment.error) data.error_details = payment.error;
  if (modern) data.payment_offers = null;
  return { type, body: stringifyWithDecimals({ data, event_time: istTimestamp(nowMs), type }) };
}

export function refundWebhook(refund: SandboxRefund, nowMs: number) {
  const type = refund.type === "PAYMENT_AUTO_REFUND" ? "AUTO_REFUND_STATUS_WEBHOOK" : "REFUND_STATUS_WEBHOOK";
  const common = {
    cf_refund_id: refund.cfRefundId,
    cf_payment_id: refund.cfPaymentId,
    order_id: refund.orderId,
    refund_amount: new Decimal2(refund.amountPaise),
    refund_currency: refund.currency,
    refund_status: refund.status,
    created_at: istTimestamp(refund.createdMs),
    processed_at: refund.processedMs ? istTimestamp(refund.processedMs) : null,
  };
  const data =
    type === "REFUND_STATUS_WEBHOOK"
      ? {
          refund: {
            ...common,
            refund_id: refund.refundId,
            entity: "Refund",
            refund_type: refund.type,
            refund_arn: `ARN${refund.cfRefundId}`,
            status_description: refund.status === "SUCCESS" ? "Refund processed successfully" : "Refund cancelled",
            refund_note: refund.note,
            refund_splits: [],
            metadata: null,
            requested_speed: "STANDARD",
            processed_speed: "STANDARD",
            service_charge: new Decimal2(0),
            service_tax: new Decimal2(0),
          },
        }
      : {
          auto_refund: {
            ...common,
            event: "AUTO-REFUND",
            refund_type: "PAYMENT_AUTO_REFUND",
            refund_reason: "Multiple payments were performed against same order.",
            status_description: "Auto-Refund processed successfully",
          },
        };
  return { type, body: stringifyWithDecimals({ data, event_time: istTimestamp(nowMs), type }) };
}

export function linkWebhook(
  link: SandboxLink,
  order: SandboxOrder | null,
  payment: SandboxPayment | null,
  baseUrl: string,
  nowMs: number,
) {
  // PAYMENT_LINK_EVENT is the older shape: flat link fields, string amounts, `version: 1`.
  const data = {
    cf_link_id: Number(link.cfLinkId),
    link_id: link.linkId,
    link_status: link.status,
    link_currency: link.currency,
    link_amount: amountDecimal(link.amountPaise),
    link_amount_paid: amountDecimal(link.paidPaise),
    link_partial_payments: false,
    link_minimum_partial_amount: null,
    link_purpose: link.purpose,
    link_created_at: istTimestamp(link.createdMs).slice(0, 19),
    customer_details: link.customer,
    link_meta: { notify_url: link.notifyUrl },
    link_url: `${baseUrl}/links/${link.code}`,
    link_expiry_time: istTimestamp(link.expiryMs).slice(0, 19),
    link_notes: {},
    link_auto_reminders: false,
    link_notify: { send_sms: false, send_email: false },
    order:
      order && payment
        ? {
            order_amount: amountDecimal(order.amountPaise),
            order_id: order.orderId,
            order_expiry_time: istTimestamp(order.expiryMs).slice(0, 19),
            order_hash: order.cfOrderId,
            transaction_id: Number(payment.cfPaymentId),
            transaction_status: payment.status,
          }
        : null,
  };
  return {
    type: "PAYMENT_LINK_EVENT",
    body: JSON.stringify({ data, type: "PAYMENT_LINK_EVENT", version: 1, event_time: istTimestamp(nowMs) }),
  };
}

export function disputeWebhook(
  order: SandboxOrder,
  payment: SandboxPayment,
  type: "DISPUTE_CREATED" | "DISPUTE_UPDATED" | "DISPUTE_CLOSED",
  disputeId: string,
  nowMs: number,
) {
  const status =
    type === "DISPUTE_CREATED"
      ? "DISPUTE_CREATED"
      : type === "DISPUTE_UPDATED"
        ? "DISPUTE_DOCS_RECEIVED"
        : "DISPUTE_MERCHANT_WON";
  const dispute = {
    dispute_id: disputeId,
    dispute_type: "DISPUTE",
    reason_code: "1402",
    reason_description: "Duplicate Processing",
    dispute_amount: new Decimal2(payment.amountPaise),
    created_at: istTimestamp(nowMs),
    updated_at: istTimestamp(nowMs),
    respond_by: istTimestamp(nowMs + 3 * 86_400_000),
    dispute_status: status,
    cf_dispute_remarks: "Dispute is created, please take action",
    dispute_action_on: "MERCHANT",
    dispute_amount_currency: order.currency,
    ...(type === "DISPUTE_UPDATED" ? { dispute_update: "STATUS_UPDATE" } : {}),
    ...(type === "DISPUTE_CLOSED" ? { resolved_at: istTimestamp(nowMs) } : {}),
  };
  const data = {
    dispute,
    order_details: {
      order_id: order.orderId,
      order_amount: new Decimal2(order.amountPaise),
      order_currency: order.currency,
      cf_payment_id: Number(payment.cfPaymentId),
      payment_amount: new Decimal2(payment.amountPaise),
      payment_currency: payment.currency,
    },
    customer_details: {
      customer_name: order.customer.customer_name ?? null,
      customer_phone: order.customer.customer_phone,
      customer_email: order.customer.customer_email ?? null,
    },
  };
  return { type, body: stringifyWithDecimals({ data, event_time: istTimestamp(nowMs), type }) };
}
