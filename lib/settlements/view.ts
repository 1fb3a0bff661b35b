import "server-only";

import { z } from "zod";

import { getDb } from "@/db";
import * as queries from "@/db/queries/settlements";
import { env } from "@/lib/env";

/** The admin's views of settlements: records about orders, read-only here. */

const settlementIdSchema = z.uuid();

export async function listSettlements() {
  return queries.listSettlements(await getDb());
}

export async function allSettlements() {
  return queries.allSettlements(await getDb());
}

/** A settlement and its lines (with the shop's order where there is one); undefined for an unknown or bad id. */
export async function settlementDetail(id: string) {
  const parsed = settlementIdSchema.safeParse(id);
  if (!parsed.success) return undefined;
  const db = await getDb();
  const settlement = await queries.getSettlement(db, parsed.data);
  if (!settlement) return undefined;
  return { settlement, lines: await queries.listSettlementLines(db, settlement.id) };
}

/** Whether an order's payment is settled, and in which settlement (a failed or reversed one does not count). */
export async function orderSettlement(orderId: string) {
  const rows = await queries.settlementsOfOrder(await getDb(), orderId);
  const paid = rows.find(
    (r) => r.line.eventType === "PAYMENT" && !queries.UNPAID_SETTLEMENT_STATUSES.includes(r.settlement.status),
  );
  return { settledIn: paid ?? null, lines: rows };
}

/** Paid orders still unsettled after the usual window (SETTLEMENT_ATTENTION_DAYS, 3 by default). */
export async function unsettledOrders() {
  const days = env.settlementAttentionDays;
  const orders = await queries.unsettledPaidOrders(await getDb(), new Date(Date.now() - days * 86_400_000));
  return { days, orders };
}
