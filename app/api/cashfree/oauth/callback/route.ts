// GET /api/cashfree/oauth/callback – Cashfree's partner OAuth redirect: check state, exchange the code, go back
import { currentAdminSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { callbackQuerySchema, completeCashfreeConnect, type ConnectOutcome } from "@/lib/merchant-account/connect";

export const dynamic = "force-dynamic";

const back = (outcome: ConnectOutcome) =>
  Response.redirect(`${env.appUrl}/admin/settings?cashfree=${outcome}#cashfree`, 303);

export async function GET(request: Request) {
  const session = await currentAdminSession();
  if (!session) return Response.redirect(`${env.appUrl}/admin/sign-in`, 303);
  if (session.admin.role !== "owner") return new Response("Only the owner can connect Cashfree.", { status: 403 });
  const query = callbackQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  // Anything malformed is treated like a forged state: refused, nothing written.
  if (!query.success) return back("bad_state");
  try {
    return back(await completeCashfreeConnect(session.admin, session.sessionId, query.data));
  } catch (error) {
    logError("cashfree oauth callback", error);
    return back("unavailable");
  }
}
