import "server-only";

import type { OutboxJobRow } from "@/db/queries/outbox";
import { cashfree } from "@/lib/cashfree";
import { sendOrderEmail } from "@/lib/orders/emails";
import { sendOrderLinkIfMatches } from "@/lib/orders/find";
import { FIND_ORDER_JOB } from "@/lib/orders/jobs";
import { refundLatePayment } from "@/lib/orders/late-payments";
import { importSettlementRecon, SETTLEMENT_RECON_JOB } from "@/lib/settlements/import";
import { pullSettlements } from "@/lib/settlements/pull";
import { SETTLEMENT_PULL_JOB } from "@/lib/settlements/schedule";
import { applyStoredWebhook } from "@/lib/webhooks/apply";
import { APPLY_WEBHOOK_JOB, type WebhookChannel } from "@/lib/webhooks/apply-job";

/** Each kind of outbox job, and the code that does it. Every handler is safe to run twice. */
export const handlers: Record<string, (job: OutboxJobRow) => Promise<void>> = {
  late_payment_refund: (job) => refundLatePayment(job.orderId!),
  // Update Order Extended: Cashfree's record of the shipment. The same update twice is harmless.
  cashfree_shipment: async (job) => {
    const payload = job.payload as {
      status: "SHIPPED" | "DELIVERED";
      courier?: string;
      trackingNumber?: string;
      trackingUrl?: string;
    };
    await cashfree.updateShipment({
      orderId: job.orderId!,
      status: payload.status,
      trackingCompany: payload.courier,
      trackingNumber: payload.trackingNumber,
      trackingUrl: payload.trackingUrl,
    });
  },
  email: sendOrderEmail,
  // "Find my order": the order's link to the address on file, if the e-mail asked with is that one.
  [FIND_ORDER_JOB]: (job) => sendOrderLinkIfMatches(job),
  // A stored webhook event its delivery's process did not apply (a crash, a failure): applied unless settled.
  [APPLY_WEBHOOK_JOB]: (job) => {
    const payload = job.payload as { eventId: string; channel: WebhookChannel };
    return applyStoredWebhook(payload.eventId, payload.channel);
  },
  // A settlement's lines from Cashfree's recon report; stored lines are kept, so a second run adds nothing.
  [SETTLEMENT_RECON_JOB]: (job) => importSettlementRecon((job.payload as { cfSettlementId: string }).cfSettlementId),
  // The day's pull of settlements and recon reports (the same as the cron route; every write an upsert).
  [SETTLEMENT_PULL_JOB]: async () => void (await pullSettlements()),
};
