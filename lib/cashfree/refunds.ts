import { z } from "zod";

import { paiseToRupeeString } from "@/lib/money";

import type { CashfreeConfig } from "./config";
import { cashfreeFetch } from "./http";
import { amountPaise, cfId } from "./schemas";

const refundEntitySchema = z
  .looseObject({
    cf_refund_id: cfId.nullish(),
    cf_payment_id: cfId.nullish(),
    refund_id: z.string(),
    order_id: z.string(),
    refund_amount: amountPaise,
    refund_status: z.string(),
    status_description: z.string().nullish(),
  })
  .transform((r) => ({
    cfRefundId: r.cf_refund_id ?? null,
    cfPaymentId: r.cf_payment_id ?? null,
    refundId: r.refund_id,
    orderId: r.order_id,
    amountPaise: r.refund_amount,
    status: r.refund_status,
    description: r.status_description ?? null,
  }));

export interface CreateRefundInput {
  orderId: string;
  refundId: string;
  amountPaise: number;
  note?: string;
  idempotencyKey: string;
}

export function createCashfreeRefund(config: CashfreeConfig, input: CreateRefundInput) {
  return cashfreeFetch(config, {
    method: "POST",
    path: `/orders/${encodeURIComponent(input.orderId)}/refunds`,
    body: {
      refund_amount: Number(paiseToRupeeString(input.amountPaise)),
      refund_id: input.refundId,
      refund_note: input.note,
      refund_speed: "STANDARD",
    },
    idempotencyKey: input.idempotencyKey,
    schema: refundEntitySchema,
  });
}

export function getCashfreeRefund(config: CashfreeConfig, orderId: string, refundId: string) {
  return cashfreeFetch(config, {
    method: "GET",
    path: `/orders/${encodeURIComponent(orderId)}/refunds/${encodeURIComponent(refundId)}`,
    schema: refundEntitySchema,
  });
}
