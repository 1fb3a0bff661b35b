import { z } from "zod";

import { paiseToRupeeString } from "@/lib/money";

import type { CashfreeConfig } from "./config";
import { CashfreeApiError } from "./errors";
import { cashfreeFetch } from "./http";
import { type CashfreeOrder, orderEntitySchema, paymentEntitySchema } from "./schemas";

export interface CreateCashfreeOrderInput {
  orderId: string;
  amountPaise: number;
  currency: string;
  customer: { id: string; name: string; email: string; phone: string };
  /** Must contain `{order_id}`; Cashfree substitutes it. */
  returnUrl: string;
  notifyUrl: string;
  expiresAt: Date;
  idempotencyKey: string;
  note?: string;
  tags?: Record<string, string>;
}

const path = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

export async function createCashfreeOrder(
  config: CashfreeConfig,
  input: CreateCashfreeOrderInput,
): Promise<CashfreeOrder> {
  const body = {
    order_id: input.orderId,
    // JSON numbers cannot carry "1499.00"; a number with at most two decimals is what Cashfree documents.
    order_amount: Number(paiseToRupeeString(input.amountPaise)),
    order_currency: input.currency,
    customer_details: {
      customer_id: input.customer.id,
      customer_name: input.customer.name,
      customer_email: input.customer.email,
      customer_phone: input.customer.phone,
    },
    order_meta: { return_url: input.returnUrl, notify_url: input.notifyUrl },
    order_expiry_time: input.expiresAt.toISOString(),
    order_note: input.note,
    order_tags: input.tags,
  };
  try {
    return await cashfreeFetch(config, {
      method: "POST",
      path: "/orders",
      body,
      idempotencyKey: input.idempotencyKey,
      schema: orderEntitySchema,
    });
  } catch (error) {
    // A create that timed out but succeeded makes its retry collide on our order id: the order is ours.
    if (!(error instanceof CashfreeApiError && error.code === "order_already_exists")) throw error;
    const existing = await getCashfreeOrder(config, input.orderId);
    if (existing.amountPaise !== input.amountPaise || existing.currency !== input.currency) throw error;
    return existing;
  }
}

export function getCashfreeOrder(config: CashfreeConfig, orderId: string) {
  return cashfreeFetch(config, { method: "GET", path: path(orderId), schema: orderEntitySchema });
}

export function getCashfreePayments(config: CashfreeConfig, orderId: string) {
  return cashfreeFetch(config, {
    method: "GET",
    path: `${path(orderId)}/payments`,
    schema: z.array(paymentEntitySchema),
  });
}

export function terminateCashfreeOrder(config: CashfreeConfig, orderId: string) {
  return cashfreeFetch(config, {
    method: "PATCH",
    path: path(orderId),
    body: { order_status: "TERMINATED" },
    schema: orderEntitySchema,
  });
}

export interface ShipmentUpdate {
  orderId: string;
  status: "SHIPPED" | "DELIVERED";
  trackingCompany?: string;
  trackingNumber?: string;
  trackingUrl?: string;
}

/** Update Order Extended: tells Cashfree about shipment and delivery (used for disputes and risk). */
export function updateCashfreeOrderShipment(config: CashfreeConfig, update: ShipmentUpdate) {
  return cashfreeFetch(config, {
    method: "PUT",
    path: `${path(update.orderId)}/extended`,
    body: {
      shipment_details: [
        {
          tracking_company: update.trackingCompany ?? "Self",
          tracking_urls: update.trackingUrl ? [update.trackingUrl] : [],
          tracking_numbers: update.trackingNumber ? [update.trackingNumber] : [],
        },
      ],
      order_delivery_status: { status: update.status },
    },
    schema: z.looseObject({ order_id: z.string() }),
  });
}
