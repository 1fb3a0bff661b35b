import "server-only";

import { adminDocumentPath, orderGst } from "@/lib/invoices/documents";
import { orderIdSchema } from "@/lib/schemas";
import { getDb } from "@/db";
import {
  COUNT_CAP,
  iterateOrders,
  listOrdersPage,
  type OrderFilterQuery,
  type OrderSort,
} from "@/db/queries/admin-orders";
import { listOrderEmails } from "@/db/queries/email-deliveries";
import * as disputeQueries from "@/db/queries/disputes";
import * as orderQueries from "@/db/queries/orders";
import * as recordQueries from "@/db/queries/payment-records";
import { listOrderWebhookEvents } from "@/db/queries/webhooks";

import { decodeCursor, encodeCursor, type OrderFilters, PAGE_SIZE } from "./order-filters";
import { orderTimeline } from "./order-timeline";

export { COUNT_CAP };

// Callers check the session (requireAdminPage, adminAction, adminRoute) before they call these.

function toQuery(filters: OrderFilters): OrderFilterQuery & { sort: OrderSort } {
  const day = (date: string) => new Date(`${date}T00:00:00+05:30`);
  return {
    status: filters.status,
    paymentGroup: filters.method,
    createdFrom: filters.from ? day(filters.from) : undefined,
    createdBefore: filters.to ? new Date(day(filters.to).getTime() + 86_400_000) : undefined,
    minTotalPaise: filters.min,
    maxTotalPaise: filters.max,
    search: filters.q,
    sort: filters.sort,
  };
}

/** One page of the list and the cursors of its Previous and Next links (null where there is none). */
export async function listAdminOrders(filters: OrderFilters) {
  const page = await listOrdersPage(await getDb(), {
    ...toQuery(filters),
    limit: PAGE_SIZE,
    cursor: decodeCursor(filters),
  });
  return {
    rows: page.rows,
    total: page.total,
    previous: page.previous && encodeCursor(page.previous),
    next: page.next && encodeCursor(page.next),
  };
}

export async function* exportAdminOrders(filters: OrderFilters) {
  yield* iterateOrders(await getDb(), toQuery(filters));
}

export async function getAdminOrder(orderId: string) {
  // An id that cannot be ours is nobody's order: no query (a NUL byte would make PostgreSQL throw).
  if (!orderIdSchema.safeParse(orderId).success) return null;
  const db = await getDb();
  const order = await orderQueries.getOrder(db, orderId);
  if (!order) return null;
  const [items, payments, orderRefunds, orderDisputes, events, orderEvents, disputeLines, emails] = await Promise.all([
    orderQueries.listOrderItems(db, orderId),
    orderQueries.listPayments(db, orderId),
    recordQueries.listOrderRefunds(db, orderId),
    recordQueries.listOrderDisputes(db, orderId),
    listOrderWebhookEvents(db, orderId),
    orderQueries.listOrderEvents(db, orderId),
    disputeQueries.listOrderDisputeEvents(db, orderId),
    listOrderEmails(db, orderId),
  ]);
  const { gst, placeOfSupply, documents } = await orderGst(db, order, items);
  const { accessToken: _token, createIdempotencyKey: _key, ...safeOrder } = order;
  return {
    order: safeOrder,
    items,
    payments,
    refunds: orderRefunds,
    disputes: orderDisputes,
    webhookEvents: events,
    timeline: orderTimeline(orderEvents, disputeLines),
    emails,
    gst,
    placeOfSupply,
    documents: documents.map((d) => ({ ...d, url: adminDocumentPath(order.id, d.id) })),
  };
}
