// GET /api/cron/reconcile – scheduled reconciliation with Cashfree (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`)
import { hasCronSecret } from "@/lib/cron-auth";
import { reconcileOpenOrders } from "@/lib/orders/reconcile";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!hasCronSecret(request)) return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  // Optional ?stale_after_minutes= (0–1440): how old an open order must be before it is checked (default 10).
  const stale = Number(new URL(request.url).searchParams.get("stale_after_minutes") ?? 10);
  if (!Number.isInteger(stale) || stale < 0 || stale > 1440)
    return Response.json(
      { ok: false, error: "stale_after_minutes must be a whole number from 0 to 1440" },
      { status: 400 },
    );
  const report = await reconcileOpenOrders({ staleAfterMinutes: stale });
  return Response.json({ ok: true, ...report }, { headers: { "cache-control": "no-store" } });
}
