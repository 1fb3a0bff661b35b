import { z } from "zod";

import type { CashfreeConfig } from "./config";
import { CashfreeApiError } from "./errors";
import { cashfreeFetch } from "./http";
import { amountPaise, cashfreeTime, cfId } from "./schemas";

/**
 * Settlements: the money Cashfree pays into the merchant's bank for a window of payments (https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks;
 * OpenAPI PGFetchSettlements, PGSettlementFetchRecon, PGOrderFetchSettlement). Amounts arrive as rupee numbers
 * (sometimes strings, §7.11) and become integer paise here; ids and UTRs arrive as numbers or strings.
 */

const paiseOrZero = amountPaise.nullish().transform((v) => v ?? 0);
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));

/** One settlement as the SETTLEMENT_* webhooks and Get All Settlements describe it. */
export const settlementSchema = z
  .looseObject({
    cf_settlement_id: cfId.nullish(),
    settlement_id: cfId.nullish(),
    utr: text,
    status: z.string().min(1),
    settlement_type: text,
    settlement_currency: text,
    payment_from: text,
    payment_till: text,
    settlement_initiated_on: text,
    settled_on: text,
    payment_amount: paiseOrZero,
    service_charge: paiseOrZero,
    service_tax: paiseOrZero,
    settlement_charge: paiseOrZero,
    settlement_tax: paiseOrZero,
    adjustment: paiseOrZero,
    amount_settled: amountPaise.nullish(),
    settlement_amount: amountPaise.nullish(),
    reason: text,
    remarks: text,
  })
  .refine((s) => s.cf_settlement_id || s.settlement_id, { message: "a settlement needs its id" })
  .transform((s) => ({
    cfSettlementId: (s.cf_settlement_id ?? s.settlement_id)!,
    utr: s.utr,
    status: s.status.toUpperCase(),
    settlementType: s.settlement_type,
    currency: s.settlement_currency ?? "INR",
    paymentFrom: cashfreeTime(s.payment_from),
    paymentTill: cashfreeTime(s.payment_till),
    initiatedOn: cashfreeTime(s.settlement_initiated_on),
    settledOn: cashfreeTime(s.settled_on),
    paymentAmountPaise: s.payment_amount,
    serviceChargePaise: s.service_charge,
    serviceTaxPaise: s.service_tax,
    settlementChargePaise: s.settlement_charge,
    settlementTaxPaise: s.settlement_tax,
    adjustmentPaise: s.adjustment,
    amountSettledPaise: s.amount_settled ?? s.settlement_amount ?? 0,
    reason: s.reason,
    remarks: s.remarks,
  }));

export type CashfreeSettlement = z.output<typeof settlementSchema>;

/**
 * A recon line. DEBIT lines (refunds, disputes, chargebacks) take their settlement amount away from the
 * settlement, so their amount is stored negative whatever sign Cashfree writes.
 */
const reconLineSchema = z
  .looseObject({
    event_details: z.looseObject({
      event_id: cfId,
      event_type: z.string().min(1),
      event_amount: paiseOrZero,
      event_settlement_amount: paiseOrZero,
      sale_type: text,
      event_service_charge: paiseOrZero,
      event_service_tax: paiseOrZero,
      event_time: text,
    }),
    order_details: z.looseObject({ order_id: text }).nullish(),
    payment_details: z.looseObject({ cf_payment_id: text }).nullish(),
    settlement_details: z.looseObject({ cf_settlement_id: cfId.nullish() }).nullish(),
  })
  .transform((r) => {
    const e = r.event_details;
    const debit = e.sale_type?.toUpperCase() === "DEBIT";
    return {
      cfSettlementId: r.settlement_details?.cf_settlement_id ?? null,
      eventType: e.event_type.toUpperCase(),
      eventId: e.event_id,
      cfOrderId: r.order_details?.order_id ?? null,
      cfPaymentId: r.payment_details?.cf_payment_id ?? null,
      amountPaise: Math.abs(e.event_amount),
      serviceChargePaise: e.event_service_charge,
      serviceTaxPaise: e.event_service_tax,
      settlementAmountPaise: debit ? -Math.abs(e.event_settlement_amount) : e.event_settlement_amount,
      eventTime: cashfreeTime(e.event_time),
    };
  });

export type CashfreeReconLine = z.output<typeof reconLineSchema>;

const pageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ cursor: z.string().nullish(), limit: z.number().nullish(), data: z.array(item).nullish() });

export interface SettlementFilters {
  cfSettlementIds?: string[];
  utrs?: string[];
  /** Settlements initiated in [from, till]. */
  from?: Date;
  till?: Date;
}

/** Pages are at most this long (Cashfree's maximum is 1000) and a listing at most this many pages. */
const PAGE_LIMIT = 200;
const MAX_PAGES = 50;

async function allPages<T>(config: CashfreeConfig, path: string, filters: SettlementFilters, item: z.ZodType<T>) {
  const body = {
    filters: {
      cf_settlement_ids: filters.cfSettlementIds,
      settlement_utrs: filters.utrs,
      start_date: filters.from?.toISOString(),
      end_date: filters.till?.toISOString(),
    },
  };
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page: z.output<ReturnType<typeof pageSchema<z.ZodType<T>>>> = await cashfreeFetch(config, {
      method: "POST",
      path,
      body: { ...body, pagination: { limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) } },
      schema: pageSchema(item),
    });
    const data = page.data ?? [];
    items.push(...data);
    if (!page.cursor || data.length === 0 || page.cursor === cursor) return items;
    cursor = page.cursor;
  }
  throw new Error(`Cashfree ${path} has more than ${MAX_PAGES * PAGE_LIMIT} rows for one request; narrow it`);
}

/** Get All Settlements (POST /settlements), every page. */
export function fetchCashfreeSettlements(config: CashfreeConfig, filters: SettlementFilters) {
  return allPages(config, "/settlements", filters, settlementSchema);
}

/** Settlement Reconciliation (POST /settlement/recon): every line of the matching settlements. */
export function fetchCashfreeSettlementRecon(config: CashfreeConfig, filters: SettlementFilters) {
  return allPages(config, "/settlement/recon", filters, reconLineSchema);
}

const orderSettlementSchema = z
  .looseObject({
    cf_settlement_id: cfId.nullish(),
    settlement_id: cfId.nullish(),
    cf_payment_id: text,
    order_id: z.string(),
    transfer_utr: text,
    transfer_time: text,
    service_charge: paiseOrZero,
    service_tax: paiseOrZero,
    settlement_amount: paiseOrZero,
  })
  .transform((s) => ({
    cfSettlementId: s.cf_settlement_id ?? s.settlement_id ?? null,
    cfPaymentId: s.cf_payment_id,
    orderId: s.order_id,
    utr: s.transfer_utr,
    transferTime: cashfreeTime(s.transfer_time),
    serviceChargePaise: s.service_charge,
    serviceTaxPaise: s.service_tax,
    settlementAmountPaise: s.settlement_amount,
  }));

/** Get Settlements by Order ID; null while the order is not settled (Cashfree answers 404). */
export async function getCashfreeOrderSettlement(config: CashfreeConfig, orderId: string) {
  try {
    return await cashfreeFetch(config, {
      method: "GET",
      path: `/orders/${encodeURIComponent(orderId)}/settlements`,
      schema: orderSettlementSchema,
    });
  } catch (error) {
    if (error instanceof CashfreeApiError && error.status === 404) return null;
    throw error;
  }
}
