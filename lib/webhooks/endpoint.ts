import "server-only";

import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { currentRequestId, logError } from "@/lib/log";
import { readBodyWithin } from "@/lib/webhooks/read-body";
import { MAX_WEBHOOK_BYTES, receiveCashfreeWebhook, type WebhookDelivery } from "@/lib/webhooks/receive";

const tooLarge = () => Response.json({ ok: false, status: "payload too large" }, { status: 413 });

/** A Cashfree webhook route's whole POST: size limit, raw body, verify → store → apply, and its answer. */
export async function answerCashfreeWebhook(request: Request, channel: NonNullable<WebhookDelivery["channel"]>) {
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
      channel,
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Most likely the database is down: 503 makes Cashfree retry, so nothing is lost.
    logError(channel === "partner" ? "partner webhook" : "webhook", error);
    return Response.json(
      { ok: false, status: "temporarily unavailable", reference: currentRequestId() },
      { status: 503 },
    );
  }
}
