// POST /api/webhooks/cashfree – Cashfree payment, refund, link, dispute and settlement events (verify → store → apply)
import { answerCashfreeWebhook } from "@/lib/webhooks/endpoint";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return answerCashfreeWebhook(request, "pg");
}
