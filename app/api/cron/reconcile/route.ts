// GET /api/cron/reconcile – scheduled reconciliation with Cashfree (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`)
import { timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";
import { reconcileOpenOrders } from "@/lib/orders/reconcile";

export const dynamic = "force-dynamic";

function authorized(request: Request) {
  const secret = env.cronSecret;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request) {
  if (!authorized(request)) return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  const report = await reconcileOpenOrders();
  return Response.json({ ok: true, ...report }, { headers: { "cache-control": "no-store" } });
}
