// GET /api/health – liveness for anyone; the database and Cashfree details for the cron secret or an admin
import { currentAdmin } from "@/lib/auth/session";
import { hasCronSecret } from "@/lib/cron-auth";
import { checkCashfree, checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const database = await checkDatabase();
  // Cashfree being down must not take the shop out of a load balancer: only the database decides liveness.
  const status = database.ok ? 200 : 503;
  const headers = { "cache-control": "no-store" };
  // The environment and whether the credentials work are for the operator, not for anyone who asks.
  if (!hasCronSecret(request) && !(await currentAdmin()))
    return Response.json({ ok: database.ok }, { status, headers });
  return Response.json({ ok: database.ok, database, cashfree: await checkCashfree() }, { status, headers });
}
