import { and, asc, count, desc, eq, gte, like, lt, lte, or, type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { orders, payments } from "../schema";

export interface OrderListQuery {
  status?: (typeof orders.$inferSelect)["status"];
  paymentGroup?: string;
  createdFrom?: Date;
  createdBefore?: Date;
  minTotalPaise?: number;
  maxTotalPaise?: number;
  search?: string;
  sort: "newest" | "oldest" | "total_high" | "total_low";
  limit: number;
  offset: number;
}

const listColumns = {
  id: orders.id,
  status: orders.status,
  fulfillmentStatus: orders.fulfillmentStatus,
  totalPaise: orders.totalPaise,
  refundedPaise: orders.refundedPaise,
  currency: orders.currency,
  customerName: orders.customerName,
  customerEmail: orders.customerEmail,
  customerPhone: orders.customerPhone,
  attentionReason: orders.attentionReason,
  createdAt: orders.createdAt,
  paymentGroup: sql<
    string | null
  >`(select ${payments.paymentGroup} from ${payments} where ${payments.cfPaymentId} = ${orders.paidCfPaymentId})`,
};

function orderListWhere(query: Omit<OrderListQuery, "sort" | "limit" | "offset">): SQL | undefined {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(orders.status, query.status));
  if (query.paymentGroup) {
    filters.push(
      sql`exists (select 1 from ${payments} where ${payments.cfPaymentId} = ${orders.paidCfPaymentId} and ${payments.paymentGroup} = ${query.paymentGroup})`,
    );
  }
  if (query.createdFrom) filters.push(gte(orders.createdAt, query.createdFrom));
  if (query.createdBefore) filters.push(lt(orders.createdAt, query.createdBefore));
  if (query.minTotalPaise !== undefined) filters.push(gte(orders.totalPaise, query.minTotalPaise));
  if (query.maxTotalPaise !== undefined) filters.push(lte(orders.totalPaise, query.maxTotalPaise));
  if (query.search) {
    const term = query.search.replace(/[\\%_]/g, (c) => `\\${c}`);
    // Each branch has its index: email, phone, and the order id's prefix (ids are upper case, so the
    // search is too; LIKE 'prefix%' uses orders_id_prefix_idx, where ILIKE would scan every row).
    filters.push(
      or(
        eq(orders.customerEmail, query.search.toLowerCase()),
        eq(orders.customerPhone, query.search),
        like(orders.id, `${term.toUpperCase()}%`),
      )!,
    );
  }
  return filters.length ? and(...filters) : undefined;
}

const ORDER_BY = {
  newest: [desc(orders.createdAt), desc(orders.id)],
  oldest: [asc(orders.createdAt), asc(orders.id)],
  total_high: [desc(orders.totalPaise), desc(orders.createdAt)],
  total_low: [asc(orders.totalPaise), desc(orders.createdAt)],
} as const;

export async function listOrdersPage(db: Database, query: OrderListQuery) {
  const where = orderListWhere(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(orders)
      .where(where)
      .orderBy(...ORDER_BY[query.sort])
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Streams the filtered list in id-ordered batches (keyset), so an export never holds every order in memory. */
export async function* iterateOrders(
  db: Database,
  query: Omit<OrderListQuery, "sort" | "limit" | "offset">,
  batchSize = 1000,
) {
  let after = "";
  for (;;) {
    const where = and(orderListWhere(query), sql`${orders.id} > ${after}`);
    const batch = await db.select(listColumns).from(orders).where(where).orderBy(asc(orders.id)).limit(batchSize);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
  }
}
