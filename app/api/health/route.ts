// GET /api/health – the database and Cashfree (a credential probe), without secrets
import { checkCashfree, checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const [database, cashfree] = await Promise.all([checkDatabase(), checkCashfree()]);
  // Cashfree being down must not take the shop out of a load balancer: only the database decides liveness.
  return Response.json({ ok: database.ok, database, cashfree }, { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
