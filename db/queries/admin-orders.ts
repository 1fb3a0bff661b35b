import { and, asc, count, desc, eq, gte, like, lt, lte, or, type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { orders } from "../schema";

export const ORDER_SORTS = ["newest", "oldest", "total_high", "total_low"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/**
 * The edge row of a page, by the values it is sorted on: the next page starts right after it, so pages stay put
 * while new orders arrive and page 1,000 costs what page 1 does (an index range, never an OFFSET that reads and
 * discards every row before it). `createdAt` is PostgreSQL's own text of the timestamp: a JavaScript Date would
 * drop its microseconds and the boundary would slip.
 */
export interface OrderCursor {
  createdAt: string;
  id: string;
  totalPaise: number;
}

export interface OrderFilterQuery {
  status?: (typeof orders.$inferSelect)["status"];
  paymentGroup?: string;
  createdFrom?: Date;
  createdBefore?: Date;
  minTotalPaise?: number;
  maxTotalPaise?: number;
  search?: string;
}

export interface OrderListQuery extends OrderFilterQuery {
  sort: OrderSort;
  limit: number;
  /** Rows after (Next) or before (Previous) this edge row, in the sort's order; none for the first page. */
  cursor?: { direction: "after" | "before"; row: OrderCursor };
}

/**
 * Counting stops here: "1,000+ orders" tells a merchant as much as an exact count, which would read every match
 * (a filter matching a tenth of a million orders read 10,000 rows at a cap of 10,000: 34 ms, growing with the table).
 */
export const COUNT_CAP = 1_000;

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
  paymentGroup: orders.paidPaymentGroup,
};

function orderListWhere(query: OrderFilterQuery): SQL | undefined {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(orders.status, query.status));
  if (query.paymentGroup) filters.push(eq(orders.paidPaymentGroup, query.paymentGroup));
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

/** Each sort is one direction over a tuple ending in the unique id, so a row comparison finds a page's edge. */
const SORTS: Record<OrderSort, { descending: boolean; key: (c?: OrderCursor) => SQL }> = {
  newest: {
    descending: true,
    key: (c) => (c ? sql`(${c.createdAt}::timestamptz, ${c.id})` : sql`(${orders.createdAt}, ${orders.id})`),
  },
  oldest: {
    descending: false,
    key: (c) => (c ? sql`(${c.createdAt}::timestamptz, ${c.id})` : sql`(${orders.createdAt}, ${orders.id})`),
  },
  total_high: {
    descending: true,
    key: (c) =>
      c
        ? sql`(${c.totalPaise}::integer, ${c.createdAt}::timestamptz, ${c.id})`
        : sql`(${orders.totalPaise}, ${orders.createdAt}, ${orders.id})`,
  },
  total_low: {
    descending: false,
    key: (c) =>
      c
        ? sql`(${c.totalPaise}::integer, ${c.createdAt}::timestamptz, ${c.id})`
        : sql`(${orders.totalPaise}, ${orders.createdAt}, ${orders.id})`,
  },
};

function orderBy(sort: OrderSort, reversed: boolean) {
  const columns =
    sort === "newest" || sort === "oldest"
      ? [orders.createdAt, orders.id]
      : [orders.totalPaise, orders.createdAt, orders.id];
  const descending = SORTS[sort].descending !== reversed;
  return columns.map((column) => (descending ? desc(column) : asc(column)));
}

export async function listOrdersPage(db: Database, query: OrderListQuery) {
  const sort = SORTS[query.sort];
  const where = orderListWhere(query);
  const backwards = query.cursor?.direction === "before";
  let edge: SQL | undefined;
  if (query.cursor) {
    // "After" in a descending sort means smaller keys; "before" flips it, and the page is read in reverse.
    const smaller = sort.descending !== backwards;
    edge = smaller
      ? sql`${sort.key()} < ${sort.key(query.cursor.row)}`
      : sql`${sort.key()} > ${sort.key(query.cursor.row)}`;
  }
  const [fetched, [counted]] = await Promise.all([
    db
      .select({ ...listColumns, cursorCreatedAt: sql<string>`${orders.createdAt}::text` })
      .from(orders)
      .where(and(where, edge))
      .orderBy(...orderBy(query.sort, backwards))
      .limit(query.limit + 1),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1`.as("one") })
        .from(orders)
        .where(where)
        .limit(COUNT_CAP + 1)
        .as("capped"),
    ),
  ]);
  const more = fetched.length > query.limit;
  const page = fetched.slice(0, query.limit);
  if (backwards) page.reverse();
  const rows = page.map(({ cursorCreatedAt: _, ...row }) => row);
  const cursorOf = (row: (typeof page)[number]): OrderCursor => ({
    createdAt: row.cursorCreatedAt,
    id: row.id,
    totalPaise: row.totalPaise,
  });
  return {
    rows,
    /** At most COUNT_CAP + 1: more than COUNT_CAP means "1,000+". */
    total: counted?.n ?? 0,
    previous: page.length && (backwards ? more : !!query.cursor) ? cursorOf(page[0]!) : null,
    next: page.length && (backwards || more) ? cursorOf(page[page.length - 1]!) : null,
  };
}

/** Streams the filtered list in id-ordered batches (keyset), so an export never holds every order in memory. */
export async function* iterateOrders(db: Database, query: OrderFilterQuery, batchSize = 1000) {
  let after = "";
  for (;;) {
    const where = and(orderListWhere(query), sql`${orders.id} > ${after}`);
    const batch = await db.select(listColumns).from(orders).where(where).orderBy(asc(orders.id)).limit(batchSize);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
  }
}
