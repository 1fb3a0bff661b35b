import "server-only";

import { getDb } from "@/db";
import * as deliveries from "@/db/queries/email-deliveries";
import * as orderQueries from "@/db/queries/orders";
import { getPaymentLink } from "@/db/queries/payment-links";
import { listOrderDisputes, listOrderRefunds } from "@/db/queries/payment-records";
import { getRefundByRefundId } from "@/db/queries/refunds";
import type { OutboxJobRow } from "@/db/queries/outbox";
import { orderEmail, type OrderEmailData } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { documentPath, orderGst } from "@/lib/invoices/documents";
import { describeError } from "@/lib/log";
import { JobDeferred } from "@/lib/outbox/deferred";
import { getSetting } from "@/lib/settings";

import { orderPagePath } from "./ids";
import type { EmailTemplate } from "./jobs";
import { moneyBack, orderCanBePaidAgain, shippingAddressOf } from "./view";

async function emailData(job: OutboxJobRow, order: orderQueries.OrderRow): Promise<OrderEmailData> {
  const db = await getDb();
  const payload = job.payload as { refundId?: string; linkId?: string };
  const [items, storeName, seller, refund, link, refunds, disputes] = await Promise.all([
    orderQueries.listOrderItems(db, order.id),
    getSetting("email_from_name"),
    getSetting("seller"),
    payload.refundId ? getRefundByRefundId(db, payload.refundId) : undefined,
    payload.linkId ? getPaymentLink(db, payload.linkId) : undefined,
    listOrderRefunds(db, order.id),
    listOrderDisputes(db, order.id),
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
      moneyBack: moneyBack({ totalPaise: order.totalPaise, refunds, disputes }),
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
 * A `sending` reservation with no outcome after this long is a sender that died mid-send: nodemailer's timeouts
 * (lib/email/send.ts) end any live send within a minute or so, so ten minutes never cuts a slow one short.
 */
const SEND_STALE_AFTER_SECONDS = 600;
/** How soon a job whose e-mail another worker is sending looks again (that send is likely over by then). */
const SEND_IN_PROGRESS_RECHECK_SECONDS = 5;

/**
 * Sends one order e-mail, at most once however many workers get its job: the job's delivery row is reserved
 * (`sending`) before SMTP is spoken to, so a second sender (the job's lease ran out while SMTP was slow, or a
 * crash between the send and `done`) finds the reservation or the `sent` record and sends nothing. Every attempt,
 * sent or failed, stays recorded for the merchant's timeline.
 */
export async function sendOrderEmail(job: OutboxJobRow) {
  const db = await getDb();
  const order = job.orderId ? await orderQueries.getOrder(db, job.orderId) : undefined;
  if (!order) return;
  const template = (job.payload as { template: EmailTemplate }).template;
  // "Pay again" only while the order can still be paid: a success, an expiry or a cancellation may have come since.
  if (template === "payment_failed" && !orderCanBePaidAgain(order)) return;
  const { subject, body } = orderEmail(template, await emailData(job, order));
  const from = { name: await getSetting("email_from_name"), address: await getSetting("email_from_address") };
  const reservation = await deliveries.reserveEmail(
    db,
    { jobKey: job.key, orderId: order.id, template, recipient: order.customerEmail, subject },
    SEND_STALE_AFTER_SECONDS,
  );
  if (!("reserved" in reservation)) {
    if (reservation.existing?.status === "sent") return;
    // Another sender holds the reservation (or just settled it as failed): its outcome decides what is left to do.
    throw new JobDeferred("the e-mail is being sent by another worker", SEND_IN_PROGRESS_RECHECK_SECONDS);
  }
  const reservationId = reservation.reserved.id;
  let sent: Awaited<ReturnType<typeof sendEmail>>;
  try {
    sent = await sendEmail({
      from,
      to: order.customerEmail,
      subject,
      body,
      messageId: `<${job.id}@${from.address.split("@")[1]}>`,
    });
  } catch (error) {
    await deliveries.settleEmail(db, reservationId, { status: "failed", error: describeError(error) });
    throw error;
  }
  // Outside the try: the e-mail went out, so a failure to record it must not mark it failed (and free it to be
  // sent again at once); its reservation stands until it is stale.
  await deliveries.settleEmail(db, reservationId, { status: "sent", messageId: sent.messageId });
}
