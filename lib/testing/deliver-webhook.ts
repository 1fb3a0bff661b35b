import type { WebhookDelivery, WebhookResponse } from "@/lib/webhooks/receive";

/**
 * One delivery as Cashfree makes it, returning its answer once the apply that follows the answer has run: what a
 * test asserts on. (The endpoint answers "received" as soon as the event is stored; the apply comes after.)
 */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResponse> {
  const { receiveCashfreeWebhook } = await import("@/lib/webhooks/receive");
  const { webhooksApplied } = await import("@/lib/webhooks/apply-soon");
  const answer = await receiveCashfreeWebhook(delivery);
  await webhooksApplied();
  return answer;
}
