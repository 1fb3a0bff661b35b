import "server-only";

import { getDb } from "@/db";
import * as deliveries from "@/db/queries/email-deliveries";
import * as orderQueries from "@/db/queries/orders";
import { getPaymentLink } from "@/db/queries/payment-links";
import { getRefundByRefundId } from "@/db/queries/refunds";
import type { OutboxJobRow } from "@/db/queries/outbox";
import { orderEmail, type OrderEmailData } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { documentPath, orderGst } from "@/lib/invoices/documents";
import { describeError } from "@/lib/log";
import type { EmailTemplate } from "@/lib/orders/jobs";
import { orderPagePath } from "@/lib/orders/place-order";
import { orderCanBePaidAgain, shippingAddressOf } from "@/lib/orders/view";
import { getSetting } from "@/lib/settings";

async function emailData(job: OutboxJobRow, order: orderQueries.OrderRow): Promise<OrderEmailData> {
  const db = await getDb();
  const payload = job.payload as { refundId?: string; linkId?: string };
  const [items, storeName, seller, refund, link] = await Promise.all([
    orderQueries.listOrderItems(db, order.id),
    getSetting("email_from_name"),
    getSetting("seller"),
    payload.refundId ? getRefundByRefundId(db, payload.refundId) : undefined,
    payload.linkId ? getPaymentLink(db, payload.linkId) : undefined,
  ]);
  const { gst, invoice } = await orderGst(db, order, items);
  return {
    store: { name: storeName, address: `${seller.legalName}, ${seller.address} · GSTIN ${seller.gstin}` },
    gst,
    invoice: invoice && {
      number: invoice.number,
      url: `${env.appUrl}${documentPath(order.id, invoice.id, order.accessToken)}`,
    },
    order: {
      id: order.id,
      customerName: order.customerName,
      items,
      subtotalPaise: order.subtotalPaise,
      shippingPaise: order.shippingPaise,
      totalPaise: order.totalPaise,
      refundedPaise: order.refundedPaise,
      shippingAddress: shippingAddressOf(order),
      url: `${env.appUrl}${orderPagePath(order.id, order.accessToken)}`,
      courier: order.shippingCourier,
      trackingNumber: order.trackingNumber,
      trackingUrl: order.trackingUrl,
    },
    refund: refund ? { amountPaise: refund.amountPaise, method: "original payment method" } : undefined,
    paymentLinkUrl: link?.linkUrl ?? undefined,
  };
}

/**
 * Sends one order e-mail. A job run again after a crash between the send and `done` finds its `sent` record and
 * sends nothing; every attempt, sent or failed, is recorded for the merchant's timeline.
 */
export async function sendEmailJob(job: OutboxJobRow) {
  const db = await getDb();
  if (await deliveries.findSentEmail(db, job.key)) return;
  const order = job.orderId ? await orderQueries.getOrder(db, job.orderId) : undefined;
  if (!order) return;
  const template = (job.payload as { template: EmailTemplate }).template;
  // "Pay again" only while the order can still be paid: a success, an expiry or a cancellation may have come since.
  if (template === "payment_failed" && !orderCanBePaidAgain(order)) return;
  const { subject, body } = orderEmail(template, await emailData(job, order));
  const from = { name: await getSetting("email_from_name"), address: await getSetting("email_from_address") };
  const record = { jobKey: job.key, orderId: order.id, template, recipient: order.customerEmail, subject };
  try {
    const sent = await sendEmail({
      from,
      to: order.customerEmail,
      subject,
      body,
      messageId: `<${job.id}@${from.address.split("@")[1]}>`,
    });
    await deliveries.recordEmail(db, { ...record, status: "sent", messageId: sent.messageId });
  } catch (error) {
    await deliveries.recordEmail(db, { ...record, status: "failed", error: describeError(error) });
    throw error;
  }
}
