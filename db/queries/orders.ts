import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { cartItems, carts, orderEvents, orderItems, orders, payments, products, productVariants } from "../schema";
import { variantWithdrawn } from "./products";

/** A transaction or the database: queries work inside or outside one. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "$with" | "with">;

export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type NewOrderItem = Omit<typeof orderItems.$inferInsert, "orderId">;
export type NewOrderEvent = typeof orderEvents.$inferInsert;
export type NewPayment = typeof payments.$inferInsert;

export async function getOrder(db: Executor, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
  return row;
}

export async function getOrderForUpdate(db: Executor, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return row;
}

export async function getOrderByCheckoutAttempt(db: Executor, checkoutAttemptId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.checkoutAttemptId, checkoutAttemptId));
  return row;
}

/**
 * Writes an order, its items and its first timeline events in one statement (one round trip); returns the order
 * as stored (with its defaults). The items and events reference the order: PostgreSQL checks those keys at the end
 * of the statement, once the order is there. `takeStock` takes the items' units from their variants' stock in the
 * same statement (checkout, which has locked and checked those variants first).
 */
export async function insertOrder(
  db: Executor,
  order: NewOrder,
  items: NewOrderItem[],
  events: NewOrderEvent[] = [],
  options: { takeStock?: boolean } = {},
): Promise<OrderRow> {
  const ctes = [
    db.$with("items").as(
      db
        .insert(orderItems)
        .values(items.map((item) => ({ ...item, orderId: order.id })))
        .returning({ id: orderItems.id }),
    ),
    ...(events.length > 0
      ? [db.$with("events").as(db.insert(orderEvents).values(events).returning({ id: orderEvents.id }))]
      : []),
    ...(options.takeStock
      ? [
          db.$with("stock").as(
            stockUpdate(
              db,
              items.map((item) => ({ variantId: item.variantId, delta: -item.quantity })),
            ).returning({ id: productVariants.id }),
          ),
        ]
      : []),
  ];
  const [row] = await db
    .with(...ctes)
    .insert(orders)
    .values(order)
    .returning();
  return row!;
}

/** Updates an order and appends its timeline events, in one statement (one round trip). */
export async function updateOrder(
  db: Executor,
  orderId: string,
  values: Partial<NewOrder>,
  events: NewOrderEvent[] = [],
) {
  const update = db
    .update(orders)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(orders.id, orderId));
  if (events.length === 0) return void (await update);
  const updated = db.$with("updated").as(update.returning({ id: orders.id }));
  await db.with(updated).insert(orderEvents).values(events);
}

export function listOrderItems(db: Executor, orderId: string) {
  return db
    .select({
      productId: orderItems.productId,
      variantId: orderItems.variantId,
      sku: orderItems.sku,
      productName: orderItems.productName,
      hsnCode: orderItems.hsnCode,
      gstRateBps: orderItems.gstRateBps,
      unitPricePaise: orderItems.unitPricePaise,
      quantity: orderItems.quantity,
      lineTotalPaise: orderItems.lineTotalPaise,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.productName));
}

export function listOrderEvents(db: Executor, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
}

/**
 * Locks the variants (not their products: a checkout of one variant never waits for another's) in a stable order
 * (by id, so two checkouts never deadlock) and returns their current price and stock with their product's tax.
 */
export function lockVariants(db: Executor, variantIds: string[]) {
  return db
    .select({
      id: productVariants.id,
      productId: products.id,
      productName: products.name,
      optionValues: productVariants.optionValues,
      sku: productVariants.sku,
      pricePaise: productVariants.pricePaise,
      currency: products.currency,
      hsnCode: products.hsnCode,
      gstRateBps: products.gstRateBps,
      stock: productVariants.stock,
      withdrawn: variantWithdrawn,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(productVariants.id, variantIds))
    .orderBy(asc(productVariants.id))
    .for("update", { of: productVariants });
}

export type LockedVariant = Awaited<ReturnType<typeof lockVariants>>[number];

/** Units added to (positive) or taken from (negative) one variant's stock. */
export interface StockChange {
  variantId: string;
  delta: number;
}

/**
 * One UPDATE for every variant of an order: each gets its own delta, through a CASE on its id (a variant named
 * twice gets the sum). Rows are locked as PostgreSQL finds them: callers that lock several variants for longer
 * lock them first, in id order (lockVariants).
 */
function stockUpdate(db: Executor, changes: StockChange[]) {
  const byVariant = new Map<string, number>();
  for (const { variantId, delta } of changes) byVariant.set(variantId, (byVariant.get(variantId) ?? 0) + delta);
  const deltas = sql.join(
    [...byVariant].map(([variantId, delta]) => sql`when ${variantId}::uuid then ${delta}::integer`),
    sql` `,
  );
  return db
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} + (case ${productVariants.id} ${deltas} end)`, updatedAt: new Date() })
    .where(inArray(productVariants.id, [...byVariant.keys()]));
}

/** Changes the stock of several variants in one statement (one round trip). */
export async function adjustStock(db: Executor, changes: StockChange[]) {
  if (changes.length > 0) await stockUpdate(db, changes);
}

export async function clearCartItems(db: Executor, cartId: string) {
  await db.delete(cartItems).where(eq(cartItems.cartId, cartId));
}

export function listPayments(db: Executor, orderId: string) {
  return db
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.paymentTime), desc(payments.createdAt));
}

/** A payment attempt, its row locked until the commit (to advance it). */
export async function getPaymentForUpdate(db: Executor, cfPaymentId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.cfPaymentId, cfPaymentId)).for("update");
  return row;
}

/** Inserts a payment attempt unless one with its cf_payment_id exists; says whether it did. */
export async function insertPayment(db: Executor, payment: NewPayment): Promise<boolean> {
  const rows = await db
    .insert(payments)
    .values(payment)
    .onConflictDoNothing({ target: payments.cfPaymentId })
    .returning({ id: payments.id });
  return rows.length > 0;
}

export async function updatePayment(db: Executor, cfPaymentId: string, values: Partial<NewPayment>) {
  await db
    .update(payments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(payments.cfPaymentId, cfPaymentId)));
}

/**
 * Locks the cart and returns its lines, in one statement: checkouts of one cart take turns (a cart holds at most
 * one open order), while adding to the cart, which takes KEY SHARE, is not blocked by NO KEY UPDATE. Empty for an
 * empty cart, or one that does not exist. The lines are read as the statement starts: the only other holder of
 * this lock, a concurrent checkout of the same cart, does not change them.
 */
export async function lockCartLines(db: Executor, cartId: string) {
  const rows = await db
    .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
    .from(carts)
    .leftJoin(cartItems, eq(cartItems.cartId, carts.id))
    .where(eq(carts.id, cartId))
    .for("no key update", { of: carts });
  return rows.flatMap((row) => (row.variantId === null ? [] : [{ variantId: row.variantId, quantity: row.quantity! }]));
}

/** The cart's order that still holds stock and can still be paid, if any (at most one: see placeOrder). */
export async function getOpenOrderForCart(db: Executor, cartId: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.cartId, cartId), inArray(orders.status, ["pending", "awaiting_payment"])))
    .orderBy(desc(orders.createdAt))
    .limit(1)
    .for("update");
  return row;
}

/**
 * The cart's newest order, with when the cart was last added to and its latest payment attempt's status: enough
 * to tell whether the cart's checkout is still that order's (lib/orders/underway.ts).
 */
export async function getNewestOrderOfCart(db: Executor, cartId: string) {
  const [row] = await db
    .select({
      id: orders.id,
      accessToken: orders.accessToken,
      status: orders.status,
      createdAt: orders.createdAt,
      cartUpdatedAt: carts.updatedAt,
      latestAttemptStatus: sql<string | null>`(
        select ${payments.status} from ${payments} where ${payments.orderId} = ${orders.id}
        order by ${payments.paymentTime} desc nulls first, ${payments.createdAt} desc limit 1)`,
    })
    .from(orders)
    .innerJoin(carts, eq(carts.id, orders.cartId))
    .where(eq(orders.cartId, cartId))
    .orderBy(desc(orders.createdAt))
    .limit(1);
  return row;
}

/** Open orders that should have heard from Cashfree by now: older than `olderThan`, or past their expiry. */
export function listOrdersToReconcile(db: Executor, olderThan: Date, now: Date, limit: number) {
  return db
    .select({ id: orders.id, status: orders.status, cfOrderId: orders.cfOrderId, expiresAt: orders.expiresAt })
    .from(orders)
    .where(
      and(
        inArray(orders.status, ["pending", "awaiting_payment"]),
        sql`(${orders.createdAt} < ${olderThan} OR ${orders.expiresAt} < ${now})`,
      ),
    )
    .orderBy(asc(orders.createdAt))
    .limit(limit);
}
