import "server-only";

import { sql } from "drizzle-orm";

import { getDb } from "@/db";
import { cashfree } from "@/lib/cashfree";
import { env } from "@/lib/env";

export interface CheckResult {
  ok: boolean;
  detail: string;
  ms: number;
}

async function timed(check: () => Promise<string>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const detail = await check();
    return { ok: true, detail, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // The message names the failure class only; connection strings and keys never reach the response.
    const detail = error instanceof Error ? error.constructor.name : "error";
    return { ok: false, detail: `unreachable (${detail})`, ms: Math.round(performance.now() - started) };
  }
}

export async function checkDatabase(): Promise<CheckResult> {
  return timed(async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return `${env.database.driver} ok`;
  });
}

/** The Cashfree credential probe is a real API call: its answer is reused for this long. */
const CASHFREE_PROBE_TTL_MS = 60_000;
let lastProbe: { at: number; result: Promise<CheckResult & { environment: string }> } | null = null;

async function probeCashfree(): Promise<CheckResult & { environment: string }> {
  const started = performance.now();
  const probe = await cashfree.probe();
  return {
    ok: probe.ok,
    detail: probe.detail,
    ms: Math.round(performance.now() - started),
    environment: env.cashfree.env,
  };
}

/** At most one Cashfree probe a minute, however often the health check is asked (concurrent askers share it). */
export function checkCashfree(now = Date.now()): Promise<CheckResult & { environment: string }> {
  if (!lastProbe || now - lastProbe.at > CASHFREE_PROBE_TTL_MS) lastProbe = { at: now, result: probeCashfree() };
  return lastProbe.result;
}
