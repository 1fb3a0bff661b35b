import { z } from "zod";

import { rupeesToPaise } from "@/lib/money";

/** Cashfree ids are digit strings in the API but numbers in some webhook samples. */
export const cfId = z.union([z.string(), z.number()]).transform(String);
/** Amounts: JSON numbers in the PG API, strings in link events; always converted to integer paise. */
export const amountPaise = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    return rupeesToPaise(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `invalid amount ${value}` });
    return z.NEVER;
  }
});

/**
 * A Cashfree timestamp as a Date. Cashfree writes them with an offset (+05:30, +0530 or Z), without one (API
 * samples, settlement windows "2025-02-14 12:00:00": India time), with nanoseconds (DISPUTE_CLOSED's
 * resolved_at) or without seconds; "9999-…" stands for "not yet".
 */
export function cashfreeTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match || match[1]!.startsWith("9999")) return null;
  const fraction = match[3] ? match[3].slice(0, 4) : "";
  const offset = (match[4] ?? "+05:30").replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${match[1]}T${match[2]}${fraction}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const orderEntitySchema = z
  .looseObject({
    cf_order_id: cfId,
    order_id: z.string(),
    order_amount: amountPaise,
    order_currency: z.string(),
    order_status: z.string(),
    payment_session_id: z.string().nullish(),
    order_expiry_time: z.string().nullish(),
  })
  .transform((o) => ({
    cfOrderId: o.cf_order_id,
    orderId: o.order_id,
    amountPaise: o.order_amount,
    currency: o.order_currency,
    status: o.order_status,
    paymentSessionId: o.payment_session_id ?? null,
    expiresAt: o.order_expiry_time ? new Date(o.order_expiry_time) : null,
  }));

export type CashfreeOrder = z.output<typeof orderEntitySchema>;

export const errorDetailsSchema = z
  .looseObject({
    error_code: z.string().nullish(),
    error_description: z.string().nullish(),
    error_reason: z.string().nullish(),
  })
  .nullish()
  .transform((e) =>
    e ? { code: e.error_code ?? null, description: e.error_description ?? null, reason: e.error_reason ?? null } : null,
  );

/**
 * A Cashfree offer (a discount the merchant set up at Cashfree) on a payment: `payment_offers[]` with its
 * `offer_redemption` (https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks). The shopper
 * pays the order amount less a SUCCESS redemption's `discount_amount`; a cashback is paid out later and does not
 * lower the payment.
 */
const offerSchema = z.looseObject({
  offer_id: z.string().nullish(),
  offer_redemption: z
    .looseObject({ redemption_status: z.string().nullish(), discount_amount: amountPaise.nullish() })
    .nullish(),
});

/**
 * `payment_offers`, as far as it can be read. An entry we cannot read is left out rather than failing the whole
 * payment: a discount we did not count leaves a shortfall, and the order goes to review instead of being lost.
 */
export const paymentOffersSchema = z
  .array(z.unknown())
  .nullish()
  .transform((offers) =>
    (offers ?? []).flatMap((raw) => {
      const offer = offerSchema.safeParse(raw);
      if (!offer.success) return [];
      const redemption = offer.data.offer_redemption;
      return [
        {
          offerId: offer.data.offer_id ?? null,
          redemptionStatus: redemption?.redemption_status ?? null,
          discountPaise: redemption?.discount_amount ?? 0,
        },
      ];
    }),
  );

/** A payment as Get Payments and the payment webhooks both describe it. */
export const paymentSchema = z.looseObject({
  cf_payment_id: cfId,
  payment_status: z.string(),
  payment_amount: amountPaise,
  payment_currency: z.string(),
  payment_message: z.string().nullish(),
  payment_group: z.string().nullish(),
  payment_method: z.record(z.string(), z.unknown()).nullish(),
  payment_time: z.string().nullish(),
  bank_reference: z.string().nullish(),
  error_details: errorDetailsSchema,
  // Get Payments carries the offers on each payment; the webhooks beside it, in data.payment_offers.
  payment_offers: paymentOffersSchema,
});

export function toPayment(
  orderId: string,
  p: z.output<typeof paymentSchema>,
  errorDetails = p.error_details,
  offers = p.payment_offers,
) {
  return {
    cfPaymentId: p.cf_payment_id,
    orderId,
    status: p.payment_status,
    amountPaise: p.payment_amount,
    currency: p.payment_currency,
    message: p.payment_message ?? null,
    group: p.payment_group ?? null,
    method: p.payment_method ?? null,
    time: p.payment_time ? new Date(p.payment_time) : null,
    bankReference: p.bank_reference ?? null,
    error: errorDetails,
    offers,
  };
}

export type CashfreePayment = ReturnType<typeof toPayment>;

export const paymentEntitySchema = paymentSchema
  .extend({ order_id: z.string() })
  .transform((p) => toPayment(p.order_id, p));
