// POST /api/webhooks/cashfree – Cashfree payment, refund, link and dispute events (verify → store → apply)
import { MAX_WEBHOOK_BYTES, receiveCashfreeWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return Response.json({ ok: false, status: "payload too large" }, { status: 413 });
  try {
    // The raw text, never re-serialised JSON: the signature covers the exact bytes (e.g. "170.00").
    const rawBody = await request.text();
    const result = await receiveCashfreeWebhook({
      rawBody,
      headers: request.headers,
      remoteAddress: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Most likely the database is down: 503 makes Cashfree retry, so nothing is lost.
    console.error(`webhook: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ ok: false, status: "temporarily unavailable" }, { status: 503 });
  }
}
