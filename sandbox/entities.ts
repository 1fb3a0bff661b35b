import { istTimestamp } from "./clock";
import { amountNumber } from "./money";
import type { SandboxLink, SandboxOrder, SandboxPayment, SandboxRefund } from "./store";

/** Response bodies in Cashfree's 2025-01-01 shapes (https://www.cashfree.com/docs/api-reference/payments/latest/orders/get, …/payments/get, …/refunds/get, …/links). */

export function orderEntity(o: SandboxOrder) {
  return {
    cf_order_id: o.cfOrderId,
    order_id: o.orderId,
    entity: "order",
    order_currency: o.currency,
    order_amount: amountNumber(o.amountPaise),
    order_status: o.status,
    payment_session_id: o.paymentSessionId,
    order_expiry_time: istTimestamp(o.expiryMs),
    order_note: o.note,
    created_at: istTimestamp(o.createdMs),
    order_splits: [],
    customer_details: {
      customer_id: o.customer.customer_id,
      customer_name: o.customer.customer_name ?? null,
      customer_email: o.customer.customer_email ?? null,
      customer_phone: o.customer.customer_phone,
      customer_uid: null,
    },
    order_meta: { return_url: o.returnUrl, notify_url: o.notifyUrl, payment_methods: o.paymentMethods },
    order_tags: o.tags,
    cart_details: { cart_id: null },
    terminal_data: null,
  };
}

export function paymentEntity(p: SandboxPayment, order: SandboxOrder) {
  return {
    cf_payment_id: p.cfPaymentId,
    order_id: p.orderId,
    entity: "payment",
    error_details: p.error,
    is_captured: p.status === "SUCCESS",
    order_amount: amountNumber(order.amountPaise),
    order_currency: order.currency,
    payment_amount: amountNumber(p.amountPaise),
    payment_currency: p.currency,
    payment_status: p.status,
    payment_message: p.message,
    payment_group: p.group,
    payment_method: p.method,
    payment_time: istTimestamp(p.timeMs),
    payment_completion_time: p.completionMs ? istTimestamp(p.completionMs) : null,
    bank_reference: p.bankReference,
    auth_id: null,
    authorization: null,
    international_payment: { international: false },
    payment_gateway_details: {
      gateway_name: "CASHFREE",
      gateway_order_id: null,
      gateway_payment_id: null,
      gateway_order_reference_id: null,
      gateway_status_code: null,
      gateway_settlement: "cashfree",
      gateway_reference_name: null,
    },
    payment_surcharge: null,
    payment_offers: [],
  };
}

export function refundEntity(r: SandboxRefund) {
  return {
    cf_payment_id: r.cfPaymentId,
    cf_refund_id: r.cfRefundId,
    refund_id: r.refundId,
    order_id: r.orderId,
    entity: "refund",
    refund_amount: amountNumber(r.amountPaise),
    refund_currency: r.currency,
    refund_note: r.note,
    refund_status: r.status,
    refund_type: r.type,
    refund_splits: [],
    status_description:
      r.status === "SUCCESS"
        ? "Refund processed successfully"
        : r.status === "PENDING"
          ? "In Progress"
          : "Refund cancelled",
    refund_arn: r.status === "SUCCESS" ? `ARN${r.cfRefundId}` : null,
    metadata: null,
    created_at: istTimestamp(r.createdMs),
    processed_at: r.processedMs ? istTimestamp(r.processedMs) : null,
    refund_charge: 0,
    refund_mode: "STANDARD",
    refund_speed: {
      requested: "STANDARD",
      accepted: "STANDARD",
      processed: r.status === "SUCCESS" ? "STANDARD" : null,
      message: null,
    },
  };
}

export function linkEntity(l: SandboxLink, baseUrl: string) {
  return {
    cf_link_id: l.cfLinkId,
    link_id: l.linkId,
    link_status: l.status,
    link_currency: l.currency,
    link_amount: amountNumber(l.amountPaise),
    link_amount_paid: amountNumber(l.paidPaise),
    link_partial_payments: false,
    link_minimum_partial_amount: null,
    link_purpose: l.purpose,
    link_created_at: istTimestamp(l.createdMs),
    customer_details: l.customer,
    link_meta: { notify_url: l.notifyUrl, return_url: l.returnUrl, upi_intent: "false" },
    link_url: `${baseUrl}/links/${l.code}`,
    link_expiry_time: istTimestamp(l.expiryMs),
    link_notes: {},
    link_auto_reminders: false,
    link_notify: { send_sms: false, send_email: false },
    order_splits: [],
  };
}
