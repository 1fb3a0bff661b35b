import { z } from "zod";

import { paiseToRupeeString } from "@/lib/money";

import type { CashfreeConfig } from "./config";
import { cashfreeFetch } from "./http";
import { amountPaise, cfId, orderEntitySchema } from "./schemas";

const linkEntitySchema = z
  .looseObject({
    cf_link_id: cfId.nullish(),
    link_id: z.string(),
    link_status: z.string(),
    link_amount: amountPaise,
    link_amount_paid: amountPaise.nullish(),
    link_currency: z.string(),
    link_url: z.string().nullish(),
    link_expiry_time: z.string().nullish(),
  })
  .transform((l) => ({
    cfLinkId: l.cf_link_id ?? null,
    linkId: l.link_id,
    status: l.link_status,
    amountPaise: l.link_amount,
    amountPaidPaise: l.link_amount_paid ?? 0,
    currency: l.link_currency,
    url: l.link_url ?? null,
    expiresAt: l.link_expiry_time ? new Date(l.link_expiry_time) : null,
  }));

export interface CreateLinkInput {
  linkId: string;
  amountPaise: number;
  currency: string;
  purpose: string;
  customer: { phone: string; email?: string | null; name?: string | null };
  expiresAt?: Date;
  notifyUrl: string;
  returnUrl?: string;
  idempotencyKey: string;
}

const path = (linkId: string) => `/links/${encodeURIComponent(linkId)}`;

export function createCashfreeLink(config: CashfreeConfig, input: CreateLinkInput) {
  return cashfreeFetch(config, {
    method: "POST",
    path: "/links",
    idempotencyKey: input.idempotencyKey,
    schema: linkEntitySchema,
    body: {
      link_id: input.linkId,
      link_amount: Number(paiseToRupeeString(input.amountPaise)),
      link_currency: input.currency,
      link_purpose: input.purpose,
      customer_details: {
        customer_phone: input.customer.phone,
        customer_email: input.customer.email ?? undefined,
        customer_name: input.customer.name ?? undefined,
      },
      link_expiry_time: input.expiresAt?.toISOString(),
      link_notify: { send_sms: true, send_email: !!input.customer.email },
      link_meta: { notify_url: input.notifyUrl, return_url: input.returnUrl },
    },
  });
}

export function getCashfreeLink(config: CashfreeConfig, linkId: string) {
  return cashfreeFetch(config, { method: "GET", path: path(linkId), schema: linkEntitySchema });
}

export function cancelCashfreeLink(config: CashfreeConfig, linkId: string) {
  return cashfreeFetch(config, { method: "POST", path: `${path(linkId)}/cancel`, schema: linkEntitySchema });
}

export function getCashfreeLinkOrders(config: CashfreeConfig, linkId: string) {
  return cashfreeFetch(config, {
    method: "GET",
    path: `${path(linkId)}/orders?status=ALL`,
    schema: z.array(orderEntitySchema),
  });
}
