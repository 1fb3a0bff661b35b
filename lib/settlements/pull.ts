import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/settlements";
import { cashfree } from "@/lib/cashfree";
import { indiaDay } from "@/lib/india-day";

import { settlementValues, storeReconLines } from "./import";

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** At most this many days per run; the next run carries on where this one stopped. */
export const MAX_PULL_DAYS = 31;
/** The first run (nothing imported yet) starts this many days back. */
export const FIRST_PULL_DAYS = 7;

export interface PullReport {
  days: string[];
  settlements: number;
  lines: number;
  refreshed: number;
}

/**
 * The daily pull: every whole India day since the last imported one (up to yesterday), at most `maxDays` per
 * run, imports that day's settlements and their recon lines and then records the day. Settlements still
 * INITIATED are asked about again, in case their SUCCESS webhook never came. Idempotent, and safe to run twice
 * at once: every write is an upsert, and a day recorded twice is the same day.
 */
export async function pullSettlements(options: { now?: Date; maxDays?: number } = {}): Promise<PullReport> {
  const db = await getDb();
  const nowMs = (options.now ?? new Date()).getTime();
  const maxDays = Math.min(options.maxDays ?? MAX_PULL_DAYS, MAX_PULL_DAYS);
  const yesterday = indiaDay(nowMs - 86_400_000);
  const last = await queries.lastImportedDay(db);
  const report: PullReport = { days: [], settlements: 0, lines: 0, refreshed: 0 };

  for (
    let day = last ? nextDay(last) : indiaDay(nowMs - FIRST_PULL_DAYS * 86_400_000);
    day <= yesterday && report.days.length < maxDays;
    day = nextDay(day)
  ) {
    const found = await cashfree.getSettlements({
      from: new Date(`${day}T00:00:00+05:30`),
      till: new Date(`${day}T23:59:59.999+05:30`),
    });
    for (const s of found) await queries.upsertSettlement(db, settlementValues(s, "pull"));
    let lines = 0;
    if (found.length > 0) {
      const recon = await cashfree.getSettlementRecon({ cfSettlementIds: found.map((s) => s.cfSettlementId) });
      lines = await storeReconLines(db, recon);
    }
    await queries.recordImportedDay(db, day, { settlements: found.length, lines });
    report.days.push(day);
    report.settlements += found.length;
    report.lines += lines;
  }

  const open = (await queries.openSettlementIds(db)).map((s) => s.cfSettlementId);
  if (open.length > 0) {
    const current = await cashfree.getSettlements({ cfSettlementIds: open });
    for (const s of current) await queries.upsertSettlement(db, settlementValues(s, "pull"));
    report.refreshed = current.length;
    report.lines += await storeReconLines(db, await cashfree.getSettlementRecon({ cfSettlementIds: open }));
  }
  return report;
}
