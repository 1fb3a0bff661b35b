import { and, count, desc, eq, inArray, lt, max, notExists, notInArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { orders, settlementImportDays, settlementLines, settlements } from "../schema";
import type { Executor } from "./orders";

export type NewSettlement = Omit<typeof settlements.$inferInsert, "id" | "createdAt" | "updatedAt">;
export type NewSettlementLine = Omit<
  typeof settlementLines.$inferInsert,
  "id" | "createdAt" | "settlementId" | "orderId"
>;

/** Settlements that no longer pay out: their lines do not count as settled. */
export const UNPAID_SETTLEMENT_STATUSES = ["FAILED", "REVERSED"];

/** How far along a status is: INITIATED → SUCCESS | FAILED → REVERSED (a reversal follows a success). */
const rank = (status: unknown) =>
  sql`(case ${status} when 'SUCCESS' then 1 when 'FAILED' then 1 when 'REVERSED' then 2 else 0 end)`;

/**
 * Inserts or updates a settlement by Cashfree's id, in one statement (concurrent deliveries and pulls race
 * safely). An update is taken only when it is the same status again or a later one: a late INITIATED never
 * undoes SUCCESS, and a SUCCESS never turns a FAILED settlement around. Values Cashfree leaves out keep theirs.
 */
export async function upsertSettlement(db: Executor, values: NewSettlement) {
  /** Cashfree leaves a value out (null): the one we have stays. */
  const keep = (name: string) => sql.raw(`coalesce(excluded.${name}, "settlements"."${name}")`);
  await db
    .insert(settlements)
    .values(values)
    .onConflictDoUpdate({
      target: settlements.cfSettlementId,
      set: {
        status: sql`excluded.status`,
        utr: keep("utr"),
        settlementType: keep("settlement_type"),
        paymentFrom: keep("payment_from"),
        paymentTill: keep("payment_till"),
        initiatedOn: keep("initiated_on"),
        settledOn: keep("settled_on"),
        paymentAmountPaise: sql`excluded.payment_amount_paise`,
        serviceChargePaise: sql`excluded.service_charge_paise`,
        serviceTaxPaise: sql`excluded.service_tax_paise`,
        settlementChargePaise: sql`excluded.settlement_charge_paise`,
        settlementTaxPaise: sql`excluded.settlement_tax_paise`,
        adjustmentPaise: sql`excluded.adjustment_paise`,
        amountSettledPaise: sql`excluded.amount_settled_paise`,
        reason: keep("reason"),
        remarks: keep("remarks"),
        updatedAt: sql`now()`,
      },
      setWhere: sql`excluded.status = ${settlements.status} or ${rank(sql`excluded.status`)} > ${rank(settlements.status)}`,
    });
  const [row] = await db.select().from(settlements).where(eq(settlements.cfSettlementId, values.cfSettlementId));
  return row!;
}

export async function getSettlementByCfId(db: Executor, cfSettlementId: string) {
  const [row] = await db.select().from(settlements).where(eq(settlements.cfSettlementId, cfSettlementId));
  return row;
}

export async function countSettlementLines(db: Executor, settlementId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(settlementLines)
    .where(eq(settlementLines.settlementId, settlementId));
  return row?.n ?? 0;
}

/**
 * Adds a settlement's recon lines; a line already there (same event) is left as it is. Each line is tied to
 * the shop's order of the same id when there is one (Cashfree's order_id is ours). Returns how many were new.
 */
export async function insertSettlementLines(db: Executor, settlementId: string, lines: NewSettlementLine[]) {
  if (lines.length === 0) return 0;
  const ids = [...new Set(lines.map((l) => l.cfOrderId).filter((id): id is string => !!id))];
  const known = ids.length
    ? new Set((await db.select({ id: orders.id }).from(orders).where(inArray(orders.id, ids))).map((o) => o.id))
    : new Set<string>();
  const inserted = await db
    .insert(settlementLines)
    .values(
      lines.map((line) => ({
        ...line,
        settlementId,
        orderId: line.cfOrderId && known.has(line.cfOrderId) ? line.cfOrderId : null,
      })),
    )
    .onConflictDoNothing({ target: [settlementLines.settlementId, settlementLines.eventType, settlementLines.eventId] })
    .returning({ id: settlementLines.id });
  return inserted.length;
}

// Spelled out: inside a one-table select drizzle writes columns without their table, which a subquery misreads.
const orderCount = sql<number>`(select count(distinct sl.order_id) from settlement_lines sl where sl.settlement_id = "settlements"."id")`;
const newestFirst = [
  desc(sql`coalesce(${settlements.settledOn}, ${settlements.initiatedOn}, ${settlements.createdAt})`),
  desc(settlements.createdAt),
];

export function listSettlements(db: Database, limit = 200) {
  return db
    .select({ settlement: settlements, orders: orderCount.mapWith(Number) })
    .from(settlements)
    .orderBy(...newestFirst)
    .limit(limit);
}

/** Every settlement, for the CSV export (a few a day: no need to stream). */
export function allSettlements(db: Database) {
  return db
    .select()
    .from(settlements)
    .orderBy(...newestFirst);
}

export async function getSettlement(db: Database, id: string) {
  const [row] = await db.select().from(settlements).where(eq(settlements.id, id));
  return row;
}

export function listSettlementLines(db: Database, settlementId: string) {
  return db
    .select({ line: settlementLines, orderStatus: orders.status, customerName: orders.customerName })
    .from(settlementLines)
    .leftJoin(orders, eq(orders.id, settlementLines.orderId))
    .where(eq(settlementLines.settlementId, settlementId))
    .orderBy(settlementLines.eventTime, settlementLines.eventType, settlementLines.eventId);
}

/** The settlements an order's lines are in (its payment, and any refund or dispute), newest first. */
export function settlementsOfOrder(db: Database, orderId: string) {
  return db
    .select({ line: settlementLines, settlement: settlements })
    .from(settlementLines)
    .innerJoin(settlements, eq(settlements.id, settlementLines.settlementId))
    .where(eq(settlementLines.orderId, orderId))
    .orderBy(desc(settlements.createdAt));
}

/** Paid orders (not wholly refunded) paid before `paidBefore` whose payment is in no settlement that paid out. */
export function unsettledPaidOrders(db: Database, paidBefore: Date, limit = 200) {
  const settledLine = db
    .select({ one: sql`1` })
    .from(settlementLines)
    .innerJoin(settlements, eq(settlements.id, settlementLines.settlementId))
    .where(
      and(
        eq(settlementLines.orderId, orders.id),
        eq(settlementLines.eventType, "PAYMENT"),
        notInArray(settlements.status, UNPAID_SETTLEMENT_STATUSES),
      ),
    );
  return db
    .select({ id: orders.id, totalPaise: orders.totalPaise, paidAt: orders.paidAt })
    .from(orders)
    .where(
      and(
        eq(orders.status, "paid"),
        lt(orders.paidAt, paidBefore),
        lt(orders.refundedPaise, orders.totalPaise),
        notExists(settledLine),
      ),
    )
    .orderBy(orders.paidAt)
    .limit(limit);
}

/** Settlements still on their way (INITIATED): the daily pull asks Cashfree how they ended. */
export function openSettlementIds(db: Database) {
  return db
    .select({ cfSettlementId: settlements.cfSettlementId })
    .from(settlements)
    .where(eq(settlements.status, "INITIATED"))
    .limit(200);
}

export async function lastImportedDay(db: Database) {
  const [row] = await db.select({ day: max(settlementImportDays.day) }).from(settlementImportDays);
  return row?.day ?? null;
}

export async function recordImportedDay(db: Database, day: string, counts: { settlements: number; lines: number }) {
  await db
    .insert(settlementImportDays)
    .values({ day, ...counts })
    .onConflictDoUpdate({
      target: settlementImportDays.day,
      set: { settlements: counts.settlements, lines: counts.lines, importedAt: new Date() },
    });
}
