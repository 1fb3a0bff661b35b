import { createHash, createHmac } from "node:crypto";

import type { SandboxClock } from "./clock";
import type { WebhookDelivery } from "./store";

export interface WebhookFaults {
  /** Extra copies of every delivery, sent concurrently. */
  duplicate: number;
  /** Delay before each attempt. */
  delayMs: number;
  /** Attempts to fail without sending (the webhook is "lost" until retries run out). */
  dropAttempts: number;
  corruptSignature: boolean;
  staleTimestamp: boolean;
  /** Hold deliveries and send each pair in reverse order. */
  reorder: boolean;
}

export const noWebhookFaults = (): WebhookFaults => ({
  duplicate: 0,
  delayMs: 0,
  dropAttempts: 0,
  corruptSignature: false,
  staleTimestamp: false,
  reorder: false,
});

export interface WebhookSenderOptions {
  secret: string;
  /** Delays before each retry; Cashfree's default policy is 2, 10 and 30 minutes. */
  retrySchedule: number[];
  timeoutMs: number;
  clock: SandboxClock;
  log: WebhookDelivery[];
  onChange: () => void;
}

const sign = (secret: string, timestamp: string, body: string) =>
  createHmac("sha256", secret)
    .update(timestamp + body)
    .digest("base64");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

/** Sends signed webhooks with retries, a delivery log and injectable faults. */
export class WebhookSender {
  faults: WebhookFaults = noWebhookFaults();
  private held: WebhookDelivery[] = [];
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WebhookSenderOptions) {}

  send(url: string, type: string, body: string, version: string): WebhookDelivery {
    const delivery: WebhookDelivery = {
      id: `whd_${this.options.log.length + 1}_${Date.now().toString(36)}`,
      type,
      url,
      body,
      version,
      // Cashfree: "hashed value … unique for each unique webhook payload"; stable across retries.
      idempotencyKey: createHash("sha256").update(body).digest("base64"),
      state: "pending",
      attempts: [],
      createdMs: this.options.clock.now(),
    };
    this.options.log.push(delivery);
    if (this.faults.reorder) {
      this.held.push(delivery);
      if (this.held.length >= 2) this.release();
    } else {
      this.dispatch(delivery);
    }
    return delivery;
  }

  /** Sends held deliveries, newest first. */
  release() {
    const held = this.held.reverse();
    this.held = [];
    for (const delivery of held) this.dispatch(delivery);
  }

  /** Resolves when no delivery attempt is running (tests). */
  async idle() {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private dispatch(delivery: WebhookDelivery) {
    const copies = 1 + this.faults.duplicate;
    for (let i = 0; i < copies; i++) this.track(this.attempt(delivery, i === 0, 0));
  }

  private track(work: Promise<void>) {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private headers(delivery: WebhookDelivery, attempt: number) {
    const now = this.options.clock.now();
    const timestamp = String(this.faults.staleTimestamp ? now - 10 * 60_000 : now);
    let signature = sign(this.options.secret, timestamp, delivery.body);
    if (this.faults.corruptSignature) signature = signature.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-webhook-signature": signature,
      "x-webhook-timestamp": timestamp,
      "x-webhook-version": delivery.version,
      "x-webhook-attempt": String(attempt),
      "user-agent": "cashfree-local-sandbox",
    };
    if (delivery.version >= "2025-01-01") headers["x-idempotency-key"] = delivery.idempotencyKey;
    return headers;
  }

  private async attempt(delivery: WebhookDelivery, primary: boolean, retryIndex: number): Promise<void> {
    if (this.faults.delayMs > 0) await sleep(this.faults.delayMs);
    const number = delivery.attempts.length + 1;
    const record = {
      attempt: number,
      atMs: this.options.clock.now(),
      status: null as number | null,
      error: null as string | null,
    };
    delivery.attempts.push(record);
    if (this.faults.dropAttempts > 0) {
      this.faults.dropAttempts--;
      record.error = "dropped by fault injection";
    } else {
      try {
        const response = await fetch(delivery.url, {
          method: "POST",
          body: delivery.body,
          headers: this.headers(delivery, number),
          redirect: "manual",
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        record.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
    }
    // Only 2xx counts; 3xx redirects are failures, as at Cashfree.
    if (record.status !== null && record.status >= 200 && record.status < 300) {
      delivery.state = "delivered";
    } else if (primary) {
      const delay = this.options.retrySchedule[retryIndex];
      if (delay === undefined) {
        if (delivery.state !== "delivered")
          delivery.state = record.error === "dropped by fault injection" ? "dropped" : "failed";
      } else {
        this.options.onChange();
        await sleep(delay);
        if (delivery.state !== "delivered") await this.attempt(delivery, true, retryIndex + 1);
        return;
      }
    }
    this.options.onChange();
  }
}
