// POST /api/webhooks/cashfree – Cashfree payment, refund, link and dispute events (verify → store → apply)
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
    // The raw text, never re-serialised JSON: the signature covers the exact bytes (e.g. "170.00"). A chunked
    // body declares no length, so at most the limit is read from the stream, and the rest never.
    const rawBody = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
    if (rawBody === null) return tooLarge();
    const result = await receiveCashfreeWebhook({
      rawBody,
      headers: request.headers,
      remoteAddress: clientAddress(request.headers, env.trustedProxyHops),
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Most likely the database is down: 503 makes Cashfree retry, so nothing is lost.
    logError("webhook", error);
    return Response.json({ ok: false, status: "temporarily unavailable" }, { status: 503 });
  }
}
