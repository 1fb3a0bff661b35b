import "server-only";

import type { Database } from "@/db";
import { getDb } from "@/db";
import { enqueueJobs } from "@/db/queries/outbox";
import * as queries from "@/db/queries/settlements";
import { cashfree } from "@/lib/cashfree";
import type { CashfreeReconLine, CashfreeSettlement } from "@/lib/cashfree/settlements";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";

/**
 * Settlements are records about orders, kept in their own tables: importing one never moves an order's status.
 * Everything here is an upsert, so a webhook twice, a pull beside a webhook, or two pulls at once write each
 * settlement and each line once.
 */

export const SETTLEMENT_RECON_JOB = "settlement_recon";

export function settlementValues(s: CashfreeSettlement, source: "webhook" | "pull"): queries.NewSettlement {
  return {
    cfSettlementId: s.cfSettlementId,
    utr: s.utr,
    status: s.status,
    settlementType: s.settlementType,
    currency: s.currency,
    paymentFrom: s.paymentFrom,
    paymentTill: s.paymentTill,
    initiatedOn: s.initiatedOn,
    settledOn: s.settledOn,
    paymentAmountPaise: s.paymentAmountPaise,
    serviceChargePaise: s.serviceChargePaise,
    serviceTaxPaise: s.serviceTaxPaise,
    settlementChargePaise: s.settlementChargePaise,
    settlementTaxPaise: s.settlementTaxPaise,
    adjustmentPaise: s.adjustmentPaise,
    amountSettledPaise: s.amountSettledPaise,
    reason: s.reason,
    remarks: s.remarks,
    source,
  };
}

const lineValues = (l: CashfreeReconLine): queries.NewSettlementLine => ({
  eventType: l.eventType,
  eventId: l.eventId,
  cfOrderId: l.cfOrderId,
  cfPaymentId: l.cfPaymentId,
  amountPaise: l.amountPaise,
  serviceChargePaise: l.serviceChargePaise,
  serviceTaxPaise: l.serviceTaxPaise,
  settlementAmountPaise: l.settlementAmountPaise,
  eventTime: l.eventTime,
});

/**
 * A SETTLEMENT_* webhook, inside the webhook's transaction: the settlement is upserted, and one that has no
 * lines yet gets an outbox job that fetches them from the recon report (retried with back-off if Cashfree is
 * down; one job per settlement and status, so a duplicate event adds none).
 */
export async function applySettlementWebhook(
  tx: Database,
  event: Extract<CashfreeWebhookEvent, { kind: "settlement" }>,
): Promise<"applied"> {
  const row = await queries.upsertSettlement(tx, settlementValues(event.settlement, "webhook"));
  if ((await queries.countSettlementLines(tx, row.id)) === 0)
    await enqueueJobs(tx, [
      {
        kind: SETTLEMENT_RECON_JOB,
        key: `${SETTLEMENT_RECON_JOB}:${row.cfSettlementId}:${event.settlement.status}`,
        orderId: null,
        payload: { cfSettlementId: row.cfSettlementId },
      },
    ]);
  return "applied";
}

/** Stores recon lines under their settlements (which must be stored already); returns how many were new. */
export async function storeReconLines(db: Database, lines: CashfreeReconLine[], fallbackCfSettlementId?: string) {
  const bySettlement = new Map<string, CashfreeReconLine[]>();
  for (const line of lines) {
    const cfId = line.cfSettlementId ?? fallbackCfSettlementId;
    if (!cfId) continue;
    bySettlement.set(cfId, [...(bySettlement.get(cfId) ?? []), line]);
  }
  let added = 0;
  for (const [cfId, group] of bySettlement) {
    const settlement = await queries.getSettlementByCfId(db, cfId);
    if (!settlement) continue;
    added += await queries.insertSettlementLines(db, settlement.id, group.map(lineValues));
  }
  return added;
}

/**
 * The outbox job: a settlement's lines from the recon report. A settled (SUCCESS) settlement whose report is
 * still empty throws, so the job is tried again later; one still on its way may well have none yet.
 */
export async function importSettlementRecon(cfSettlementId: string) {
  const db = await getDb();
  const lines = await cashfree.getSettlementRecon({ cfSettlementIds: [cfSettlementId] });
  await storeReconLines(db, lines, cfSettlementId);
  const settlement = await queries.getSettlementByCfId(db, cfSettlementId);
  if (settlement?.status === "SUCCESS" && (await queries.countSettlementLines(db, settlement.id)) === 0)
    throw new Error(`Cashfree's recon report has no lines for settlement ${cfSettlementId} yet`);
}
