// POST /api/webhooks/cashfree/partner – Cashfree partner events (merchant.unlinked), same pipeline as PG webhooks
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { readBodyWithin } from "@/lib/webhooks/read-body";
import { MAX_WEBHOOK_BYTES, receiveCashfreeWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

const tooLarge = () => Response.json({ ok: false, status: "payload too large" }, { status: 413 });

export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return tooLarge();
  try {
    const rawBody = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
    if (rawBody === null) return tooLarge();
    const result = await receiveCashfreeWebhook({
      rawBody,
      headers: request.headers,
      remoteAddress: clientAddress(request.headers, env.trustedProxyHops),
      channel: "partner",
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    logError("partner webhook", error);
    return Response.json({ ok: false, status: "temporarily unavailable" }, { status: 503 });
  }
}
