import { istTimestamp } from "./clock";
import type { SandboxEngine } from "./engine";
import { CfError, invalid } from "./errors";
import { amountNumber } from "./money";
import {
  digits,
  type SandboxSettlement,
  type SandboxSettlementLine,
  type SandboxState,
  type SettlementStatus,
} from "./store";

/**
 * Settlements, like Cashfree's sandbox "Trigger Sandbox Settlement" and "Mark Sandbox Settlement processed": the
 * successful payments (less refunds) not yet in a settlement are grouped into one, with Cashfree's charges, and
 * each step sends its signed SETTLEMENT_* webhook, shaped as the sample in
 * https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks
 *
 * Charges (a plausible standard plan, not Cashfree's price list): 1.75 % of each payment rounded to the nearest
 * paisa, and 18 % GST on that charge rounded down (the docs sample: ₹100 → 1.75 + 0.31 = ₹97.94 settled).
 * Refunds settled in the window are deducted as an adjustment. Integer paise throughout.
 */

const SETTLEMENT_CHARGE_BPS = 175;
const SETTLEMENT_GST_PERCENT = 18;

export const serviceCharge = (amountPaise: number) =>
  Math.floor((amountPaise * SETTLEMENT_CHARGE_BPS + 5_000) / 10_000);
export const serviceTax = (chargePaise: number) => Math.floor((chargePaise * SETTLEMENT_GST_PERCENT) / 100);

const WEBHOOK_TYPES: Record<SettlementStatus, string> = {
  INITIATED: "SETTLEMENT_INITIATED",
  SUCCESS: "SETTLEMENT_SUCCESS",
  FAILED: "SETTLEMENT_FAILED",
  REVERSED: "SETTLEMENT_REVERSED",
};

const settlementsOf = (state: SandboxState) => state.settlements;

function settledEventIds(state: SandboxState) {
  const ids = new Set<string>();
  for (const s of Object.values(settlementsOf(state)))
    if (s.status !== "FAILED" && s.status !== "REVERSED")
      for (const l of s.lines) ids.add(`${l.eventType}:${l.eventId}`);
  return ids;
}

/** "Trigger Sandbox Settlement": everything unsettled (optionally only some orders) into one new settlement. */
export function triggerSettlement(engine: SandboxEngine, orderIds?: string[]): SandboxSettlement {
  const { state } = engine;
  const done = settledEventIds(state);
  const wanted = (orderId: string) => !orderIds || orderIds.includes(orderId);
  const lines: SandboxSettlementLine[] = [];
  for (const p of Object.values(state.payments)) {
    if (p.status !== "SUCCESS" || !wanted(p.orderId) || done.has(`PAYMENT:${p.cfPaymentId}`)) continue;
    const charge = serviceCharge(p.amountPaise);
    const tax = serviceTax(charge);
    lines.push({
      eventType: "PAYMENT",
      eventId: p.cfPaymentId,
      orderId: p.orderId,
      cfPaymentId: p.cfPaymentId,
      amountPaise: p.amountPaise,
      serviceChargePaise: charge,
      serviceTaxPaise: tax,
      settlementAmountPaise: p.amountPaise - charge - tax,
      eventMs: p.completionMs ?? p.timeMs,
    });
  }
  for (const r of Object.values(state.refunds)) {
    if (r.status !== "SUCCESS" || !wanted(r.orderId) || done.has(`REFUND:${r.cfRefundId}`)) continue;
    lines.push({
      eventType: "REFUND",
      eventId: r.cfRefundId,
      orderId: r.orderId,
      cfPaymentId: r.cfPaymentId,
      amountPaise: r.amountPaise,
      serviceChargePaise: 0,
      serviceTaxPaise: 0,
      settlementAmountPaise: r.amountPaise,
      eventMs: r.processedMs ?? r.createdMs,
    });
  }
  if (!lines.some((l) => l.eventType === "PAYMENT"))
    throw new CfError(400, "settlement_invalid", "invalid_request_error", "there are no unsettled payments to settle");
  lines.sort((a, b) => a.eventMs - b.eventMs);
  const sum = (pick: (l: SandboxSettlementLine) => number, type?: string) =>
    lines.filter((l) => !type || l.eventType === type).reduce((n, l) => n + pick(l), 0);
  const paymentAmountPaise = sum((l) => l.amountPaise, "PAYMENT");
  const serviceChargePaise = sum((l) => l.serviceChargePaise);
  const serviceTaxPaise = sum((l) => l.serviceTaxPaise);
  const adjustmentPaise = -sum((l) => l.settlementAmountPaise, "REFUND");
  const now = engine.clock.now();
  const settlement: SandboxSettlement = {
    cfSettlementId: digits(7),
    utr: null,
    status: "INITIATED",
    paymentFromMs: lines[0]!.eventMs,
    paymentTillMs: lines.at(-1)!.eventMs,
    initiatedMs: now,
    settledMs: null,
    paymentAmountPaise,
    serviceChargePaise,
    serviceTaxPaise,
    adjustmentPaise,
    amountSettledPaise: paymentAmountPaise - serviceChargePaise - serviceTaxPaise + adjustmentPaise,
    reason: null,
    lines,
  };
  settlementsOf(state)[settlement.cfSettlementId] = settlement;
  emitSettlement(engine, settlement);
  return settlement;
}

/** "Mark Sandbox Settlement processed" (SUCCESS, with a UTR), or its failure or reversal. */
export function processSettlement(engine: SandboxEngine, cfSettlementId: string, status: SettlementStatus) {
  const settlement = findSettlement(engine.state, cfSettlementId);
  if (status === "INITIATED") throw invalid("status", "should be SUCCESS, FAILED or REVERSED", status);
  const allowed = status === "REVERSED" ? settlement.status === "SUCCESS" : settlement.status === "INITIATED";
  if (!allowed)
    throw new CfError(
      400,
      "settlement_invalid",
      "invalid_request_error",
      `a ${settlement.status} settlement cannot become ${status}`,
    );
  settlement.status = status;
  if (status === "SUCCESS") {
    settlement.utr = `CFSB${digits(12)}`;
    settlement.settledMs = engine.clock.now();
  }
  if (status === "FAILED") settlement.reason = "Beneficiary bank account is inactive";
  if (status === "REVERSED") settlement.reason = "Settlement returned by the beneficiary bank";
  emitSettlement(engine, settlement);
  return settlement;
}

function findSettlement(state: SandboxState, cfSettlementId: string) {
  const found = settlementsOf(state)[cfSettlementId];
  if (!found) throw new CfError(404, "settlement_not_found", "invalid_request_error", "settlement not found");
  return found;
}

function emitSettlement(engine: SandboxEngine, settlement: SandboxSettlement) {
  const type = WEBHOOK_TYPES[settlement.status];
  const body = JSON.stringify({
    data: { settlement: settlementWebhookEntity(settlement) },
    event_time: istTimestamp(engine.clock.now()),
    type,
  });
  // Settlement webhooks belong to the merchant's account, not to an order: the dashboard's endpoint gets them.
  return engine.deliver(null, type, body);
}

/** "2025-02-14 12:00:00", the window's format in the docs sample (IST, no offset). */
const windowTime = (ms: number) => istTimestamp(ms).slice(0, 19).replace("T", " ");

/**
 * The settlement as the webhook (and Get All Settlements) describe it:
 * https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks
 */
function settlementWebhookEntity(s: SandboxSettlement) {
  return {
    adjustment: amountNumber(s.adjustmentPaise),
    amount_settled: amountNumber(s.amountSettledPaise),
    payment_amount: amountNumber(s.paymentAmountPaise),
    payment_from: windowTime(s.paymentFromMs),
    payment_till: windowTime(s.paymentTillMs),
    reason: s.reason,
    service_charge: amountNumber(s.serviceChargePaise),
    service_tax: amountNumber(s.serviceTaxPaise),
    settled_on: s.settledMs === null ? null : istTimestamp(s.settledMs),
    settlement_type: "STANDARD",
    settlement_amount: amountNumber(s.amountSettledPaise),
    settlement_id: Number(s.cfSettlementId),
    settlement_initiated_on: istTimestamp(s.initiatedMs),
    status: s.status,
    utr: s.utr,
    settlement_charge: 0,
    settlement_tax: 0,
    remarks: null,
    forex_conversion_handling_charge: null,
    forex_conversion_handling_tax: null,
    forex_conversion_rate: null,
    charges_currency: null,
  };
}

// ---- the PG API: POST /pg/settlements, POST /pg/settlement/recon, GET /pg/orders/{id}/settlements

interface Filters {
  ids: string[] | null;
  utrs: string[] | null;
  fromMs: number | null;
  tillMs: number | null;
}

function parseListRequest(body: Record<string, unknown>) {
  const pagination = body.pagination as Record<string, unknown> | undefined;
  if (!pagination || typeof pagination !== "object") throw invalid("pagination", "is required", "");
  const limit = pagination.limit;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw invalid("pagination.limit", "should be an integer from 1 to 1000", limit, "pagination_limit_invalid");
  const offset = decodeCursor(pagination.cursor);
  const raw = (body.filters ?? {}) as Record<string, unknown>;
  const list = (name: string) => {
    const value = raw[name];
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      throw invalid(`filters.${name}`, "should be a list of strings", JSON.stringify(value), "filters_invalid");
    return value as string[];
  };
  const date = (name: string) => {
    const value = raw[name];
    if (value === undefined || value === null) return null;
    const ms = typeof value === "string" ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) throw invalid(`filters.${name}`, "should be an ISO-8601 date-time", value, "filters_invalid");
    return ms;
  };
  const filters: Filters = {
    ids: list("cf_settlement_ids"),
    utrs: list("settlement_utrs"),
    fromMs: date("start_date"),
    tillMs: date("end_date"),
  };
  const hasRange = filters.fromMs !== null && filters.tillMs !== null;
  if (!filters.ids && !filters.utrs && !hasRange)
    throw new CfError(
      400,
      "filters_invalid",
      "invalid_request_error",
      "filters : specify cf_settlement_ids, settlement_utrs, or start_date and end_date",
    );
  return { limit, offset, filters };
}

function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === "") return 0;
  try {
    const offset = (JSON.parse(Buffer.from(String(cursor), "base64").toString("utf8")) as { offset?: unknown }).offset;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through
  }
  throw invalid("pagination.cursor", "is not a cursor this API returned", cursor, "pagination_cursor_invalid");
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64");

function matching(state: SandboxState, f: Filters) {
  return Object.values(settlementsOf(state))
    .filter(
      (s) =>
        (!f.ids || f.ids.includes(s.cfSettlementId)) &&
        (!f.utrs || (s.utr !== null && f.utrs.includes(s.utr))) &&
        (f.fromMs === null || s.initiatedMs >= f.fromMs) &&
        (f.tillMs === null || s.initiatedMs <= f.tillMs),
    )
    .sort((a, b) => a.initiatedMs - b.initiatedMs || a.cfSettlementId.localeCompare(b.cfSettlementId));
}

function page<T>(items: T[], offset: number, limit: number) {
  const data = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { cursor: next < items.length ? encodeCursor(next) : null, limit, data };
}

/** Get All Settlements. The document says SettlementEntity; Cashfree answers {cursor, limit, data: [...]}. */
export function listSettlements(engine: SandboxEngine, body: Record<string, unknown>) {
  const { limit, offset, filters } = parseListRequest(body);
  const found = matching(engine.state, filters).map((s) => ({
    cf_settlement_id: s.cfSettlementId,
    ...settlementWebhookEntity(s),
  }));
  return page(found, offset, limit);
}

/** Settlement Reconciliation: every line of the matching settlements, with the settlement each belongs to. */
export function settlementRecon(engine: SandboxEngine, body: Record<string, unknown>) {
  const { limit, offset, filters } = parseListRequest(body);
  const rows = matching(engine.state, filters).flatMap((s) => s.lines.map((l) => reconRow(engine.state, s, l)));
  return page(rows, offset, limit);
}

function reconRow(state: SandboxState, s: SandboxSettlement, l: SandboxSettlementLine) {
  const order = state.orders[l.orderId];
  const payment = state.payments[l.cfPaymentId];
  const refund =
    l.eventType === "REFUND" ? Object.values(state.refunds).find((r) => r.cfRefundId === l.eventId) : undefined;
  return {
    event_details: {
      event_id: l.eventId,
      event_type: l.eventType,
      event_settlement_amount: amountNumber(l.settlementAmountPaise),
      event_amount: amountNumber(l.amountPaise),
      sale_type: l.eventType === "PAYMENT" ? "CREDIT" : "DEBIT",
      event_status: "SUCCESS",
      entity: "recon",
      event_time: istTimestamp(l.eventMs),
      event_currency: "INR",
      event_service_charge: amountNumber(l.serviceChargePaise),
      event_service_tax: amountNumber(l.serviceTaxPaise),
      event_remarks: null,
    },
    order_details: {
      order_id: l.orderId,
      order_amount: order ? amountNumber(order.amountPaise) : null,
      order_currency: "INR",
      order_tags: order?.tags ?? null,
    },
    payment_details: {
      payment_amount: payment ? amountNumber(payment.amountPaise) : null,
      payment_currency: "INR",
      bank_reference: payment?.bankReference ?? null,
      payment_time: payment ? istTimestamp(payment.timeMs) : null,
      payment_mode: payment?.group.toUpperCase() ?? null,
      payment_service_charge: l.eventType === "PAYMENT" ? amountNumber(l.serviceChargePaise) : null,
      payment_service_tax: l.eventType === "PAYMENT" ? amountNumber(l.serviceTaxPaise) : null,
      cf_payment_id: l.cfPaymentId,
      status: payment?.status ?? null,
    },
    settlement_details: {
      cf_settlement_id: s.cfSettlementId,
      settlement_date: s.settledMs === null ? null : istTimestamp(s.settledMs),
      utr: s.utr,
      payment_from: windowTime(s.paymentFromMs),
      payment_till: windowTime(s.paymentTillMs),
      reason: s.reason,
      remarks: null,
      service_charge: amountNumber(s.serviceChargePaise),
      service_tax: amountNumber(s.serviceTaxPaise),
      settlement_charge: 0,
      settlement_initiated_on: istTimestamp(s.initiatedMs),
      settlement_tax: 0,
      settlement_type: "STANDARD",
    },
    ...(refund
      ? {
          refund_details: {
            refund_id: refund.refundId,
            refund_processed_at: refund.processedMs === null ? null : istTimestamp(refund.processedMs),
            refund_note: refund.note,
          },
        }
      : {}),
  };
}

/** Get Settlements by Order ID: the order's payment as settled (SettlementEntity), 404 while it is not. */
export function orderSettlement(engine: SandboxEngine, orderId: string) {
  const order = engine.order(orderId);
  for (const s of Object.values(settlementsOf(engine.state))) {
    if (s.status === "FAILED" || s.status === "REVERSED") continue;
    const line = s.lines.find((l) => l.orderId === order.orderId && l.eventType === "PAYMENT");
    if (!line) continue;
    return {
      cf_payment_id: line.cfPaymentId,
      cf_settlement_id: s.cfSettlementId,
      settlement_currency: "INR",
      order_id: order.orderId,
      entity: "settlement",
      order_amount: amountNumber(order.amountPaise),
      order_currency: order.currency,
      payment_time: istTimestamp(line.eventMs),
      service_charge: amountNumber(line.serviceChargePaise),
      service_tax: amountNumber(line.serviceTaxPaise),
      settlement_amount: amountNumber(line.settlementAmountPaise),
      settlement_id: Number(s.cfSettlementId),
      transfer_id: Number(s.cfSettlementId),
      transfer_time: s.settledMs === null ? null : istTimestamp(s.settledMs),
      transfer_utr: s.utr,
    };
  }
  throw new CfError(404, "settlement_not_found", "invalid_request_error", "settlement not found for the order");
}

/** The control API's view: the settlement with its lines, in paise and rupees. */
export function settlementView(s: SandboxSettlement) {
  return {
    cf_settlement_id: s.cfSettlementId,
    ...settlementWebhookEntity(s),
    lines: s.lines.map((l) => ({
      event_type: l.eventType,
      event_id: l.eventId,
      order_id: l.orderId,
      cf_payment_id: l.cfPaymentId,
      amount: amountNumber(l.amountPaise),
      service_charge: amountNumber(l.serviceChargePaise),
      service_tax: amountNumber(l.serviceTaxPaise),
      settlement_amount: amountNumber(l.settlementAmountPaise),
    })),
  };
}
