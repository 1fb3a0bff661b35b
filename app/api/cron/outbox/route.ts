// GET /api/cron/outbox – runs due outbox jobs (Vercel Cron, where no background loop exists); Bearer $CRON_SECRET
import { hasCronSecret } from "@/lib/cron-auth";
import { runDueJobs } from "@/lib/outbox/worker";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!hasCronSecret(request)) return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  const report = await runDueJobs({ limit: 100 });
  return Response.json({ ok: true, ...report }, { headers: { "cache-control": "no-store" } });
}
