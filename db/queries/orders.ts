import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { cartItems, carts, orderEvents, orderItems, orders, payments, products } from "../schema";

/** A transaction or the database: queries work inside or outside one. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

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

export async function insertOrder(db: Executor, order: NewOrder, items: NewOrderItem[]) {
  await db.insert(orders).values(order);
  await db.insert(orderItems).values(items.map((item) => ({ ...item, orderId: order.id })));
}

export async function updateOrder(db: Executor, orderId: string, values: Partial<NewOrder>) {
  await db
    .update(orders)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(orders.id, orderId));
}

export function listOrderItems(db: Executor, orderId: string) {
  return db
    .select({
      productId: orderItems.productId,
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

export async function appendOrderEvents(db: Executor, events: NewOrderEvent[]) {
  if (events.length > 0) await db.insert(orderEvents).values(events);
}

export function listOrderEvents(db: Executor, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
}

/**
 * Locks the products in a stable order (by id, so two checkouts never deadlock) and returns their
 * current price and stock.
 */
export function lockProducts(db: Executor, productIds: string[]) {
  return db
    .select({
      id: products.id,
      name: products.name,
      pricePaise: products.pricePaise,
      currency: products.currency,
      hsnCode: products.hsnCode,
      gstRateBps: products.gstRateBps,
      stock: products.stock,
      archivedAt: products.archivedAt,
    })
    .from(products)
    .where(inArray(products.id, productIds))
    .orderBy(asc(products.id))
    .for("update");
}

export async function adjustStock(db: Executor, productId: string, delta: number) {
  await db
    .update(products)
    .set({ stock: sql`${products.stock} + ${delta}`, updatedAt: new Date() })
    .where(eq(products.id, productId));
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

export async function getPayment(db: Executor, cfPaymentId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.cfPaymentId, cfPaymentId)).for("update");
  return row;
}

export async function insertPayment(db: Executor, payment: NewPayment) {
  await db.insert(payments).values(payment).onConflictDoNothing({ target: payments.cfPaymentId });
}

export async function updatePayment(db: Executor, cfPaymentId: string, values: Partial<NewPayment>) {
  await db
    .update(payments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(payments.cfPaymentId, cfPaymentId)));
}

/** Serialises checkouts of one cart (NO KEY UPDATE: adding to the cart, which takes KEY SHARE, is not blocked). */
export async function lockCart(db: Executor, cartId: string) {
  await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for("no key update");
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

export function listCartQuantities(db: Executor, cartId: string) {
  return db
    .select({ productId: cartItems.productId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId));
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
