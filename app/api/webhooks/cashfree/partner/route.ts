// POST /api/webhooks/cashfree/partner – Cashfree partner events (merchant.unlinked), same pipeline as PG webhooks
import { answerCashfreeWebhook } from "@/lib/webhooks/endpoint";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return answerCashfreeWebhook(request, "partner");
}
