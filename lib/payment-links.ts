import "server-only";

import { randomBytes } from "node:crypto";

import { getDb } from "@/db";
import * as orderQueries from "@/db/queries/orders";
import * as queries from "@/db/queries/payment-links";
import type { Admin } from "@/lib/auth/admins";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { env } from "@/lib/env";
import { adminActor } from "@/lib/orders/actors";
import { applyToOrder } from "@/lib/orders/unit-of-work";
import { canSendPaymentLink } from "@/lib/orders/transitions";

export interface NewPaymentLink {
  amountPaise: number;
  purpose: string;
  customer: { name?: string; email?: string; phone: string };
  expiresInDays: number;
  /** When the link collects payment for one of our unpaid orders. */
  orderId?: string;
}

export type LinkResult = { ok: true; linkId: string; url: string | null } | { ok: false; error: string };

const newLinkId = () => `KCL-${randomBytes(6).toString("hex").toUpperCase()}`;

/** Creates a Cashfree payment link for a custom amount (phone orders, invoices) or for an unpaid order. */
export async function createPaymentLink(admin: Admin, input: NewPaymentLink): Promise<LinkResult> {
  const db = await getDb();
  const link = await queries.insertPaymentLink(db, {
    linkId: newLinkId(),
    orderId: input.orderId,
    amountPaise: input.amountPaise,
    purpose: input.purpose,
    customerName: input.customer.name,
    customerEmail: input.customer.email,
    customerPhone: input.customer.phone,
    status: "CREATING",
    expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    createdBy: admin.email,
  });
  try {
    const created = await cashfree.createLink({
      linkId: link.linkId,
      amountPaise: link.amountPaise,
      currency: link.currency,
      purpose: link.purpose,
      customer: input.customer,
      expiresAt: link.expiresAt ?? undefined,
      notifyUrl: `${env.appUrl}/api/webhooks/cashfree`,
      idempotencyKey: link.createIdempotencyKey,
    });
    await queries.updatePaymentLink(db, link.linkId, {
      cfLinkId: created.cfLinkId,
      linkUrl: created.url,
      status: created.status,
    });
    if (input.orderId)
      await applyToOrder(db, input.orderId, { type: "send_payment_link" }, adminActor(admin), {
        detail: { linkId: link.linkId },
      });
    return { ok: true, linkId: link.linkId, url: created.url };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    await queries.updatePaymentLink(db, link.linkId, { status: "FAILED" });
    return { ok: false, error: `Cashfree could not create the link: ${error.message}` };
  }
}

/** A link for an unpaid or abandoned order, for its full amount, to the order's customer. */
export async function sendOrderPaymentLink(admin: Admin, orderId: string): Promise<LinkResult> {
  const order = await orderQueries.getOrder(await getDb(), orderId);
  if (!order) return { ok: false, error: "Order not found." };
  if (!canSendPaymentLink(order.status)) return { ok: false, error: "Only unpaid orders can get a payment link." };
  return createPaymentLink(admin, {
    amountPaise: order.totalPaise,
    purpose: `Payment for order ${order.id}`,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    expiresInDays: 7,
    orderId: order.id,
  });
}

/** Cashfree lets a merchant cancel a link only while it is ACTIVE. */
export function canCancelLink(status: string) {
  return status === "ACTIVE";
}

export async function cancelPaymentLink(linkId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const link = await queries.getPaymentLink(db, linkId);
  if (!link) return { ok: false, error: "Link not found." };
  try {
    const cancelled = await cashfree.cancelLink(linkId);
    await queries.updatePaymentLink(db, linkId, { status: cancelled.status });
    return { ok: true };
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    return { ok: false, error: `Cashfree could not cancel the link: ${error.message}` };
  }
}

export async function listPaymentLinks(status?: string) {
  return queries.listPaymentLinks(await getDb(), status);
}

export async function getPaymentLinkDetail(linkId: string) {
  const link = await queries.getPaymentLink(await getDb(), linkId);
  if (!link) return null;
  // The link's orders and their payments live at Cashfree; ask for them when the merchant looks.
  const orders = link.cfLinkId ? await cashfree.getLinkOrders(linkId).catch(() => null) : [];
  return { link, orders };
}
