// GET /api/cron/settlements – the daily pull of Cashfree's settlements and recon reports for the days not imported yet
import { hasCronSecret } from "@/lib/cron-auth";
import { currentRequestId, logError } from "@/lib/log";
import { pullSettlements } from "@/lib/settlements/pull";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!hasCronSecret(request)) return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  try {
    const report = await pullSettlements();
    return Response.json({ ok: true, ...report }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    // The days imported so far are recorded; the next run carries on from there.
    logError("settlement pull", error);
    return Response.json(
      { ok: false, error: "settlement pull failed; the next run retries", reference: currentRequestId() },
      { status: 502 },
    );
  }
}
