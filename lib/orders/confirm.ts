import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/orders";
import { listOrderDisputes, listOrderRefunds } from "@/db/queries/payment-records";
import { cashfree, isCashfreeError } from "@/lib/cashfree";
import { documentPath, orderGst } from "@/lib/invoices/documents";
import { consume } from "@/lib/rate-limit";
import { log } from "@/lib/log";

import { tokensMatch } from "./ids";
import { settleOrder } from "./settle";
import { type OrderView, shippingAddressOf } from "./view";
import { isSettled } from "./transitions";

/** Page refreshes within this window reuse the last answer instead of calling Get Order again. */
const RECHECK_AFTER_MS = 3_000;

/** Asks Cashfree (Get Order + Get Payments) and applies the answer through the state machine. */
export async function syncOrderWithCashfree(orderId: string, source: "return_page" | "reconcile" | "admin") {
  const [cfOrder, payments] = await Promise.all([cashfree.getOrder(orderId), cashfree.getPayments(orderId)]);
  return settleOrder(await getDb(), {
    orderId,
    source,
    orderStatus: cfOrder.status,
    orderAmountPaise: cfOrder.amountPaise,
    orderCurrency: cfOrder.currency,
    cfOrderId: cfOrder.cfOrderId,
    paymentSessionId: cfOrder.paymentSessionId,
    payments,
  });
}

/** Asking Cashfree is rate-limited per order and per client address; past the limit the stored state is shown. */
async function mayAskCashfree(orderId: string, address: string | null) {
  const verdict = await consume(["orderConfirmPerOrder", orderId], ["orderConfirmPerAddress", address]);
  return !verdict.limited;
}

/**
 * The return page's view of an order, for the holder of its link only. An open order is confirmed with
 * Cashfree first: the page never trusts the redirect or its query string.
 */
export async function confirmAndLoadOrder(
  orderId: string,
  token: string | undefined,
  address: string | null,
): Promise<OrderView | null> {
  const db = await getDb();
  let order = await queries.getOrder(db, orderId);
  if (!order || !tokensMatch(order.accessToken, token)) return null;

  let confirmationDelayed = false;
  const stale = !order.cfCheckedAt || Date.now() - order.cfCheckedAt.getTime() > RECHECK_AFTER_MS;
  if (order.cfOrderId && !isSettled(order.status) && stale && (await mayAskCashfree(orderId, address))) {
    try {
      await syncOrderWithCashfree(orderId, "return_page");
      order = (await queries.getOrder(db, orderId))!;
    } catch (error) {
      if (!isCashfreeError(error)) throw error;
      log.warn({ orderId, err: error }, "return page: could not confirm the order with Cashfree");
      confirmationDelayed = true;
    }
  }

  const [items, payments, refunds, disputes] = await Promise.all([
    queries.listOrderItems(db, orderId),
    queries.listPayments(db, orderId),
    listOrderRefunds(db, orderId),
    listOrderDisputes(db, orderId),
  ]);
  const { gst, placeOfSupply, documents } = await orderGst(db, order, items);
  const latest = payments[0];
  const paid =
    payments.find((p) => p.cfPaymentId === order.paidCfPaymentId) ?? payments.find((p) => p.status === "SUCCESS");
  return {
    id: order.id,
    accessToken: order.accessToken,
    status: order.status,
    cashfreeStatus: order.cfOrderStatus,
    paymentSessionId: order.paymentSessionId,
    expiresAt: order.expiresAt,
    createdAt: order.createdAt,
    items,
    subtotalPaise: order.subtotalPaise,
    shippingPaise: order.shippingPaise,
    totalPaise: order.totalPaise,
    refundedPaise: order.refundedPaise,
    customerName: order.customerName,
    customerEmail: order.customerEmail,
    shippingAddress: shippingAddressOf(order),
    gst,
    placeOfSupply,
    business: order.buyerGstin ? { gstin: order.buyerGstin, name: order.buyerBusinessName } : null,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issuedAt,
      url: documentPath(order.id, d.id, order.accessToken),
    })),
    latestAttempt: latest
      ? { status: latest.status, reason: latest.errorDescription, group: latest.paymentGroup }
      : null,
    paidPayment: paid
      ? { cfPaymentId: paid.cfPaymentId, group: paid.paymentGroup, bankReference: paid.bankReference }
      : null,
    confirmationDelayed,
    shipment: {
      fulfilment: order.fulfillmentStatus,
      courier: order.shippingCourier,
      trackingNumber: order.trackingNumber,
      trackingUrl: order.trackingUrl,
      shippedAt: order.shippedAt,
      deliveredAt: order.deliveredAt,
    },
    refunds: refunds.map((r) => ({
      id: r.refundId,
      amountPaise: r.amountPaise,
      status: r.status,
      createdAt: r.createdAt,
    })),
    disputes: disputes.map((d) => ({ status: d.status, amountPaise: d.amountPaise })),
  };
}
