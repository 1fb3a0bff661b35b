import { createHash } from "node:crypto";

import { z } from "zod";

import {
  amountPaise,
  cashfreeTime,
  cfId,
  errorDetailsSchema,
  paymentOffersSchema,
  paymentSchema,
  toPayment,
} from "./schemas";
import { type CashfreeSettlement, settlementSchema } from "./settlements";

/** Payment webhooks, 2025-01-01 and 2023-08-01 alike (2023 simply lacks some fields). */
const paymentEventSchema = z.object({
  type: z.enum(["PAYMENT_SUCCESS_WEBHOOK", "PAYMENT_FAILED_WEBHOOK", "PAYMENT_USER_DROPPED_WEBHOOK"]),
  event_time: z.string().nullish(),
  data: z.looseObject({
    order: z.looseObject({ order_id: z.string(), order_amount: amountPaise, order_currency: z.string() }),
    payment: paymentSchema,
    // 2025 puts error_details beside payment, not inside it; payment_offers too.
    error_details: errorDetailsSchema,
    payment_offers: paymentOffersSchema,
  }),
});

const refundEventSchema = z.object({
  type: z.enum(["REFUND_STATUS_WEBHOOK", "AUTO_REFUND_STATUS_WEBHOOK"]),
  data: z.looseObject({
    refund: z
      .looseObject({
        cf_refund_id: cfId.nullish(),
        cf_payment_id: cfId.nullish(),
        refund_id: z.string().nullish(),
        order_id: z.string(),
        refund_amount: amountPaise,
        refund_currency: z.string().nullish(),
        refund_status: z.string(),
        refund_type: z.string().nullish(),
        status_description: z.string().nullish(),
        processed_at: z.string().nullish(),
      })
      .optional(),
    auto_refund: z
      .looseObject({
        cf_refund_id: cfId.nullish(),
        cf_payment_id: cfId.nullish(),
        order_id: z.string(),
        refund_amount: amountPaise,
        refund_status: z.string(),
        refund_reason: z.string().nullish(),
      })
      .optional(),
  }),
});

const linkEventSchema = z.object({
  type: z.literal("PAYMENT_LINK_EVENT"),
  data: z.looseObject({
    cf_link_id: cfId.nullish(),
    link_id: z.string(),
    link_status: z.string(),
    link_amount: amountPaise,
    link_amount_paid: amountPaise,
    order: z
      .looseObject({ order_id: z.string(), transaction_id: cfId.nullish(), transaction_status: z.string().nullish() })
      .nullish(),
  }),
});

const disputeEventSchema = z.object({
  type: z.enum(["DISPUTE_CREATED", "DISPUTE_UPDATED", "DISPUTE_CLOSED"]),
  event_time: z.string().nullish(),
  data: z.looseObject({
    dispute: z.looseObject({
      dispute_id: cfId,
      dispute_type: z.string().nullish(),
      reason_code: z.string().nullish(),
      reason_description: z.string().nullish(),
      dispute_amount: amountPaise.nullish(),
      dispute_status: z.string(),
      respond_by: z.string().nullish(),
      updated_at: z.string().nullish(),
      resolved_at: z.string().nullish(),
      dispute_amount_currency: z.string().nullish(),
      dispute_action_on: z.string().nullish(),
      cf_dispute_remarks: z.string().nullish(),
      dispute_update: z.string().nullish(),
    }),
    order_details: z.looseObject({ order_id: z.string(), cf_payment_id: cfId.nullish() }),
  }),
});

/** Settlement webhooks (https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks): the docs sample's shape, not the spec's SettlementWebhook. */
const settlementEventSchema = z.object({
  type: z.enum(["SETTLEMENT_INITIATED", "SETTLEMENT_SUCCESS", "SETTLEMENT_FAILED", "SETTLEMENT_REVERSED"]),
  data: z.looseObject({ settlement: settlementSchema }),
});

export type CashfreeWebhookEvent =
  | {
      kind: "payment";
      type: string;
      orderId: string;
      orderAmountPaise: number;
      orderCurrency: string;
      payment: ReturnType<typeof toPayment>;
      dedupeKey: string;
    }
  | {
      kind: "refund";
      type: string;
      orderId: string;
      refundId: string | null;
      cfRefundId: string | null;
      cfPaymentId: string | null;
      amountPaise: number;
      status: string;
      refundType: string | null;
      description: string | null;
      dedupeKey: string;
    }
  | {
      kind: "link";
      type: string;
      linkId: string;
      status: string;
      amountPaidPaise: number;
      orderId: string | null;
      transactionId: string | null;
      dedupeKey: string;
    }
  | {
      kind: "dispute";
      type: string;
      orderId: string;
      disputeId: string;
      cfPaymentId: string | null;
      status: string;
      disputeType: string | null;
      reasonCode: string | null;
      reasonDescription: string | null;
      amountPaise: number | null;
      respondBy: string | null;
      currency: string | null;
      actionOn: string | null;
      remarks: string | null;
      update: string | null;
      resolvedAt: Date | null;
      /** Cashfree's updated_at, else the event's time: what orders events that arrive out of order. */
      changedAt: Date | null;
      dedupeKey: string;
    }
  | {
      kind: "merchant";
      type: "merchant.unlinked";
      merchantId: string;
      /** When Cashfree says the unlink happened: an unlink older than the current connection does not end it. */
      eventTime: Date | null;
      orderId: null;
      dedupeKey: string;
    }
  | { kind: "settlement"; type: string; settlement: CashfreeSettlement; dedupeKey: string }
  | { kind: "unknown"; type: string; orderId: string | null; dedupeKey: string };

const bodyHash = (rawBody: string) => createHash("sha256").update(rawBody).digest("hex");

/** Best effort: an order id from any event shape, so even an event we cannot apply is filed under its order. */
function findOrderId(body: unknown): string | null {
  const data = (body as { data?: Record<string, { order_id?: unknown }> })?.data;
  for (const key of ["order", "refund", "auto_refund", "order_details"]) {
    const id = data?.[key]?.order_id;
    if (typeof id === "string") return id;
  }
  return null;
}

/**
 * Reads a verified webhook body. Never throws for a well-formed JSON event: unknown types and shapes come back
 * as `unknown`, to be kept in the inbox rather than dropped.
 */
export function parseCashfreeWebhook(body: unknown, rawBody: string): CashfreeWebhookEvent {
  const type = typeof (body as { type?: unknown })?.type === "string" ? (body as { type: string }).type : "UNKNOWN";
  const payment = paymentEventSchema.safeParse(body);
  if (payment.success) {
    const { order, payment: p, error_details, payment_offers } = payment.data.data;
    return {
      kind: "payment",
      type,
      orderId: order.order_id,
      orderAmountPaise: order.order_amount,
      orderCurrency: order.order_currency,
      payment: toPayment(
        order.order_id,
        p,
        p.error_details ?? error_details,
        payment_offers.length ? payment_offers : p.payment_offers,
      ),
      dedupeKey: `${type}:${p.cf_payment_id}`,
    };
  }
  const refund = refundEventSchema.safeParse(body);
  if (refund.success && (refund.data.data.refund || refund.data.data.auto_refund)) {
    const { refund: r, auto_refund: auto } = refund.data.data;
    const common = r ?? auto!;
    const refundId = r?.refund_id ?? null;
    return {
      kind: "refund",
      type,
      orderId: common.order_id,
      refundId,
      cfRefundId: common.cf_refund_id ?? null,
      cfPaymentId: common.cf_payment_id ?? null,
      amountPaise: common.refund_amount,
      status: common.refund_status,
      refundType: r ? (r.refund_type ?? null) : "PAYMENT_AUTO_REFUND",
      description: r ? (r.status_description ?? null) : (auto?.refund_reason ?? null),
      dedupeKey: `${type}:${refundId ?? common.cf_refund_id}:${common.refund_status}`,
    };
  }
  const link = linkEventSchema.safeParse(body);
  if (link.success) {
    const d = link.data.data;
    return {
      kind: "link",
      type,
      linkId: d.link_id,
      status: d.link_status,
      amountPaidPaise: d.link_amount_paid,
      orderId: d.order?.order_id ?? null,
      transactionId: d.order?.transaction_id ?? null,
      dedupeKey: `${type}:${d.link_id}:${d.link_status}:${d.link_amount_paid}`,
    };
  }
  const dispute = disputeEventSchema.safeParse(body);
  if (dispute.success) {
    const { dispute: d, order_details: o } = dispute.data.data;
    return {
      kind: "dispute",
      type,
      orderId: o.order_id,
      disputeId: d.dispute_id,
      cfPaymentId: o.cf_payment_id ?? null,
      status: d.dispute_status,
      disputeType: d.dispute_type ?? null,
      reasonCode: d.reason_code ?? null,
      reasonDescription: d.reason_description ?? null,
      amountPaise: d.dispute_amount ?? null,
      respondBy: d.respond_by ?? null,
      currency: d.dispute_amount_currency ?? null,
      actionOn: d.dispute_action_on ?? null,
      remarks: d.cf_dispute_remarks ?? null,
      update: d.dispute_update ?? null,
      resolvedAt: cashfreeTime(d.resolved_at),
      changedAt: cashfreeTime(d.updated_at) ?? cashfreeTime(dispute.data.event_time),
      dedupeKey: `${type}:${d.dispute_id}:${d.dispute_status}:${d.updated_at ?? ""}`,
    };
  }
  const settlement = settlementEventSchema.safeParse(body);
  if (settlement.success) {
    const s = settlement.data.data.settlement;
    return { kind: "settlement", type, settlement: s, dedupeKey: `${type}:${s.cfSettlementId}:${s.status}` };
  }
  return { kind: "unknown", type, orderId: findOrderId(body), dedupeKey: `${type}:${bodyHash(rawBody)}` };
}

/**
 * Partner webhooks (the shop as Cashfree partner), verified with the partner API key. Their payload is
 * UNCONFIRMED (https://www.cashfree.com/docs/partners/embedded/oauth-flow does not publish the body; see sandbox/README.md): read as `{type, event_time, data: {merchant_id}}`, with `event` accepted
 * for `type`. Only merchant.unlinked is acted on; anything else is kept as unknown.
 */
const partnerEventSchema = z.object({
  type: z.literal("merchant.unlinked"),
  event_time: z.string().nullish(),
  data: z.looseObject({ merchant_id: z.string().min(1) }),
});

function parsePartnerWebhook(body: unknown, rawBody: string): CashfreeWebhookEvent {
  const raw = body as { type?: unknown; event?: unknown } | null;
  const type = typeof raw?.type === "string" ? raw.type : typeof raw?.event === "string" ? raw.event : "UNKNOWN";
  const parsed = partnerEventSchema.safeParse({ ...(body as object), type });
  if (parsed.success) {
    const { data, event_time } = parsed.data;
    return {
      kind: "merchant",
      type: "merchant.unlinked",
      merchantId: data.merchant_id,
      eventTime: cashfreeTime(event_time),
      orderId: null,
      dedupeKey: `merchant.unlinked:${data.merchant_id}:${event_time ?? bodyHash(rawBody)}`,
    };
  }
  return { kind: "unknown", type, orderId: null, dedupeKey: `partner:${type}:${bodyHash(rawBody)}` };
}

/** A verified body, read as the endpoint that received it reads it: PG events, or partner (OAuth) events. */
export function parseWebhook(channel: "pg" | "partner", body: unknown, rawBody: string): CashfreeWebhookEvent {
  return channel === "partner" ? parsePartnerWebhook(body, rawBody) : parseCashfreeWebhook(body, rawBody);
}
