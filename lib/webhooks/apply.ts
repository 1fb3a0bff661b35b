import "server-only";

import type { Database } from "@/db";
import type { CashfreeWebhookEvent } from "@/lib/cashfree/webhook-events";
import { settleOrder } from "@/lib/orders/settle";
import { applyDisputeWebhook, applyPaymentLinkWebhook, applyRefundWebhook } from "@/lib/webhooks/records";

export type ApplyOutcome = "applied" | "unmatched" | "ignored";

/** Dispatches a verified, stored event to the module that owns its state. */
export async function applyCashfreeEvent(db: Database, event: CashfreeWebhookEvent, reference: string): Promise<ApplyOutcome> {
  switch (event.kind) {
    case "payment": {
      const result = await settleOrder(db, {
        orderId: event.orderId,
        source: "webhook",
        orderAmountPaise: event.orderAmountPaise,
        orderCurrency: event.orderCurrency,
        payments: [event.payment],
        reference,
      });
      return result.found ? "applied" : "unmatched";
    }
    case "refund":
      return applyRefundWebhook(db, event);
    case "link":
      return applyPaymentLinkWebhook(db, event);
    case "dispute":
      return applyDisputeWebhook(db, event);
    case "unknown":
      return "ignored";
  }
}
