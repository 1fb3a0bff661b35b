// GET /api/cashfree/oauth/callback – Cashfree's partner OAuth redirect: check state, exchange the code, go back
import type { AuditOutcome } from "@/lib/audit/actions";
import { recordAuditSafely } from "@/lib/audit/record";
import type { Admin } from "@/lib/auth/admins";
import { currentAdminSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import {
  CONNECT_OUTCOMES,
  callbackQuerySchema,
  completeCashfreeConnect,
  type ConnectOutcome,
} from "@/lib/merchant-account/connect";

export const dynamic = "force-dynamic";

const back = (outcome: ConnectOutcome) =>
  Response.redirect(`${env.appUrl}/admin/settings?cashfree=${outcome}#cashfree`, 303);

// Not an adminRoute (a stranger is sent to sign in, not answered 401), so it writes its audit row itself.
const audited = (admin: Admin, outcome: AuditOutcome, detail: Record<string, unknown>) =>
  recordAuditSafely({
    action: "cashfree.connect",
    outcome,
    actor: admin,
    target: { type: "cashfree", id: "connection" },
    detail,
  });

async function connect(session: { admin: Admin; sessionId: string }, query: URLSearchParams): Promise<ConnectOutcome> {
  const parsed = callbackQuerySchema.safeParse(Object.fromEntries(query));
  // Anything malformed is treated like a forged state: refused, nothing written.
  if (!parsed.success) return "bad_state";
  try {
    return await completeCashfreeConnect(session.admin, session.sessionId, parsed.data);
  } catch (error) {
    logError("cashfree oauth callback", error);
    return "unavailable";
  }
}

export async function GET(request: Request) {
  const session = await currentAdminSession();
  if (!session) return Response.redirect(`${env.appUrl}/admin/sign-in`, 303);
  if (session.admin.role !== "owner") {
    await audited(session.admin, "refused", {});
    return new Response("Only the owner can connect Cashfree.", { status: 403 });
  }
  const query = new URL(request.url).searchParams;
  const outcome = await connect(session, query);
  const merchantId = query.get("merchant_id")?.slice(0, 128);
  await audited(session.admin, CONNECT_OUTCOMES[outcome].ok ? "ok" : "failed", { outcome, merchantId });
  return back(outcome);
}
