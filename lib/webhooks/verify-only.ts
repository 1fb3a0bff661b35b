import "server-only";

import { verifyCashfreeSignature } from "@/lib/cashfree/signature";
import { env } from "@/lib/env";
import { readBodyWithin } from "@/lib/webhooks/read-body";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/receive";

/**
 * The benchmarks' reference (BENCH_REFERENCE_ROUTES=on, else 404): the webhook route's framework floor. It reads
 * the raw body and verifies the signature exactly as the real route does, then stores and applies nothing, so
 * `bench:webhooks` can print our route's throughput as a ratio of this one's.
 */
export async function answerVerifyOnly(request: Request) {
  if (!env.benchReferenceRoutes) return Response.json({ ok: false, status: "not found" }, { status: 404 });
  const rawBody = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
  if (rawBody === null) return Response.json({ ok: false, status: "payload too large" }, { status: 413 });
  const check = verifyCashfreeSignature({
    rawBody,
    signature: request.headers.get("x-webhook-signature"),
    timestamp: request.headers.get("x-webhook-timestamp"),
    secret: env.cashfree.secretKey,
    nowMs: Date.now(),
    toleranceMs: env.cashfree.webhookToleranceSeconds * 1000,
  });
  return check.ok
    ? Response.json({ ok: true, status: "verified" })
    : Response.json({ ok: false, status: check.reason }, { status: 401 });
}
