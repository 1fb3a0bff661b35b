import "server-only";

import { getDb } from "@/db";
import { afterResponse } from "@/lib/after-response";
import * as queries from "@/db/queries/webhooks";
import { verifyCashfreeSignature } from "@/lib/cashfree/signature";
import { type CashfreeWebhookEvent, parseWebhook } from "@/lib/cashfree/webhook-events";
import { env } from "@/lib/env";
import { log, type LogFields, withLogFields } from "@/lib/log";

import { storeWebhookEvent } from "./apply";
import { applySoon } from "./apply-soon";
import { wasStored } from "./stored-events";

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface WebhookDelivery {
  rawBody: string;
  headers: Headers;
  remoteAddress: string | null;
  /** "partner": the partner-OAuth endpoint, signed with the partner API key (format UNCONFIRMED, see README). */
  channel?: "pg" | "partner";
}

export interface WebhookResponse {
  status: number;
  body: { ok: boolean; status: string };
}

const reply = (status: number, ok: boolean, message: string): WebhookResponse => ({
  status,
  body: { ok, status: message },
});

// Cashfree's dashboard test call has used `x-cashfree-*` spellings; deliveries use `x-webhook-*`.
const header = (headers: Headers, name: string) =>
  headers.get(`x-webhook-${name}`) ?? headers.get(`x-cashfree-${name}`);

async function recordRejection(reason: string, remoteAddress: string | null) {
  log.warn({ reason, remoteAddress }, "webhook rejected");
  try {
    await queries.countWebhookRejection(await getDb(), reason, remoteAddress);
  } catch {
    // Counting rejections is best effort: it must never turn a 401 into a 500.
  }
}

/**
 * Verify → store → answer → apply. Every verified event is stored, with the job that applies it, before it is
 * answered, and applied right after the answer; a duplicate is acknowledged and changes nothing. Applying is off
 * the request path (answer fast, apply what is durably kept; Cashfree retries a slow or failed answer:
 * https://www.cashfree.com/docs/payments/online/webhooks/overview): a failed apply is retried by its outbox job,
 * not by Cashfree.
 */
export async function receiveCashfreeWebhook(delivery: WebhookDelivery): Promise<WebhookResponse> {
  const { rawBody, headers } = delivery;
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return reply(413, false, "payload too large");
  const partner = delivery.channel === "partner";
  const secret = partner ? env.cashfree.partner?.apiKey : env.cashfree.secretKey;
  if (!secret) return reply(404, false, "partner webhooks are not configured");

  const check = verifyCashfreeSignature({
    rawBody,
    signature: header(headers, "signature"),
    timestamp: header(headers, "timestamp"),
    secret,
    nowMs: Date.now(),
    toleranceMs: env.cashfree.webhookToleranceSeconds * 1000,
  });
  if (!check.ok) {
    await recordRejection(check.reason, delivery.remoteAddress);
    return reply(check.reason === "missing_headers" ? 400 : 401, false, check.reason);
  }

  const idempotencyKey = headers.get("x-idempotency-key");
  // Another delivery of an event this process stored (Cashfree's retry): acknowledged before its body is read.
  if (wasStored(idempotencyKey)) return reply(200, true, "duplicate");

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const event = body === undefined ? undefined : parseWebhook(delivery.channel ?? "pg", body, rawBody);
  const db = await getDb();
  const record: queries.NewWebhookEvent = {
    idempotencyKey,
    dedupeKey: event?.dedupeKey ?? `MALFORMED:${check.timestampMs}:${rawBody.length}`,
    eventType: event?.type ?? "MALFORMED",
    apiVersion: headers.get("x-webhook-version"),
    webhookTimestamp: String(check.timestampMs),
    signature: header(headers, "signature")!,
    rawBody,
    orderId: event && "orderId" in event ? event.orderId : null,
  };
  if (!event) {
    // Verified but unreadable: kept for the admin to see (once), never applied.
    await queries.insertWebhookEvent(db, { ...record, outcome: "ignored", lastError: "body is not JSON" });
    return reply(400, false, "malformed body");
  }

  const fields = eventLogFields(event);
  return withLogFields(fields, async () => {
    const eventId = await storeWebhookEvent(db, record, delivery.channel ?? "pg");
    if (!eventId) return reply(200, true, "duplicate");
    void afterResponse(() => applySoon(eventId, event, fields));
    return reply(200, true, "received");
  });
}

/** What every line about this event carries: which event, and the order and payment it is about. */
function eventLogFields(event: CashfreeWebhookEvent): LogFields {
  const cfPaymentId =
    event.kind === "payment" ? event.payment.cfPaymentId : "cfPaymentId" in event ? event.cfPaymentId : null;
  return {
    webhookType: event.type,
    ...("orderId" in event && event.orderId ? { orderId: event.orderId } : {}),
    ...(cfPaymentId ? { cfPaymentId: String(cfPaymentId) } : {}),
  };
}
