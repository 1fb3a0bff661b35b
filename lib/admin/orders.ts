import "server-only";

import { desc, eq } from "drizzle-orm";

import { getDb } from "@/db";
import { iterateOrders, listOrdersPage, type OrderListQuery } from "@/db/queries/admin-orders";
import * as orderQueries from "@/db/queries/orders";
import { disputes, refunds, webhookEvents } from "@/db/schema";
import type { Admin } from "@/lib/auth/admins";

import { type OrderFilters, PAGE_SIZE } from "./order-filters";

// Every function here takes the signed-in Admin: callers must have checked the session to call them at all.

function toQuery(filters: OrderFilters): Omit<OrderListQuery, "limit" | "offset"> {
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

export async function listAdminOrders(_admin: Admin, filters: OrderFilters) {
  const { rows, total } = await listOrdersPage(await getDb(), { ...toQuery(filters), limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE });
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function* exportAdminOrders(_admin: Admin, filters: OrderFilters) {
  yield* iterateOrders(await getDb(), toQuery(filters));
}

export async function getAdminOrder(_admin: Admin, orderId: string) {
  const db = await getDb();
  const order = await orderQueries.getOrder(db, orderId);
  if (!order) return null;
  const [items, payments, orderRefunds, orderDisputes, events, timeline] = await Promise.all([
    orderQueries.listOrderItems(db, orderId),
    orderQueries.listPayments(db, orderId),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(desc(refunds.createdAt)),
    db.select().from(disputes).where(eq(disputes.orderId, orderId)).orderBy(desc(disputes.createdAt)),
    db.select().from(webhookEvents).where(eq(webhookEvents.orderId, orderId)).orderBy(desc(webhookEvents.receivedAt)),
    orderQueries.listOrderEvents(db, orderId),
  ]);
  const { accessToken: _token, createIdempotencyKey: _key, ...safeOrder } = order;
  return { order: safeOrder, items, payments, refunds: orderRefunds, disputes: orderDisputes, webhookEvents: events, timeline };
}

export type AdminOrderDetail = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
