import "server-only";

import type { Database } from "@/db";
import * as queries from "@/db/queries/disputes";
import { orderExists } from "@/db/queries/payment-records";

import { supersedes } from "./state";

/** What Cashfree said about a dispute, from a webhook or an API answer, in our units. */
export interface DisputeReport {
  disputeId: string;
  cfOrderId: string | null;
  cfPaymentId: string | null;
  disputeType: string | null;
  reasonCode: string | null;
  reasonDescription: string | null;
  amountPaise: number | null;
  currency: string | null;
  status: string;
  actionOn: string | null;
  remarks: string | null;
  respondBy: Date | null;
  resolvedAt: Date | null;
  /** Cashfree's updated_at (else the event's time). */
  changedAt: Date | null;
  preferredEvidence?: { documentType: string; description: string | null }[];
}

export interface HistoryLine {
  kind: "webhook" | "accepted" | "evidence" | "sync";
  actor: string;
  note: string | null;
  webhookEventId?: string;
}

/**
 * Keeps a report: the dispute's state is written only when the report is not older than what we hold (any order
 * of arrival ends the same), and its history line is always added — once per webhook event. A dispute naming an
 * order we do not have is kept too, with no order and Cashfree's order id. Runs in the caller's transaction.
 */
export async function recordDisputeReport(tx: Database, report: DisputeReport, line: HistoryLine | null) {
  const orderId = report.cfOrderId && (await orderExists(tx, report.cfOrderId)) ? report.cfOrderId : null;
  const state = {
    cfPaymentId: report.cfPaymentId,
    disputeType: report.disputeType,
    reasonCode: report.reasonCode,
    reasonDescription: report.reasonDescription,
    amountPaise: report.amountPaise,
    status: report.status,
    actionOn: report.actionOn,
    cfRemarks: report.remarks,
    respondBy: report.respondBy,
    resolvedAt: report.resolvedAt,
    cfUpdatedAt: report.changedAt,
    ...(report.currency ? { currency: report.currency } : {}),
    ...(report.preferredEvidence?.length ? { preferredEvidence: report.preferredEvidence } : {}),
  };
  const created = await queries.insertDisputeIfNew(tx, {
    disputeId: report.disputeId,
    orderId,
    cfOrderId: report.cfOrderId,
    ...state,
  });
  let current = true;
  if (!created) {
    const held = (await queries.getDispute(tx, report.disputeId, { lock: true }))!;
    current = supersedes(report, held);
    const fill = {
      ...(held.orderId ? {} : { orderId }),
      ...(held.preferredEvidence?.length || !report.preferredEvidence?.length
        ? {}
        : { preferredEvidence: report.preferredEvidence }),
    };
    if (current) await queries.updateDispute(tx, report.disputeId, { ...fill, ...dropNulls(state, held) });
    else if (Object.keys(fill).length) await queries.updateDispute(tx, report.disputeId, fill);
  }
  if (line)
    await queries.insertDisputeEvent(tx, {
      disputeId: report.disputeId,
      kind: line.kind,
      status: report.status,
      note: line.note,
      actor: line.actor,
      webhookEventId: line.webhookEventId ?? null,
      occurredAt: report.changedAt ?? new Date(),
    });
  return { orderId, current };
}

/** A later report that leaves a field out (a webhook carries no preferred evidence) keeps what we had. */
function dropNulls<T extends Record<string, unknown>>(state: T, held: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(state).map(([key, value]) => [key, value ?? (key === "resolvedAt" ? null : held[key])]),
  ) as T;
}
