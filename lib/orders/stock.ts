import * as queries from "@/db/queries/orders";

import type { Effect } from "./transitions";

type StockOrder = Pick<queries.OrderRow, "id" | "stockState">;

/**
 * Applies the stock side of a transition. Stock was taken from the variants' stock when the order was placed
 * (reserved); releasing gives it back exactly once (guarded by the order's stock_state, under its row lock).
 * Returns false when a re-reservation cannot be met (only meaningful with dryRun).
 */
export async function applyStockEffects(
  tx: queries.Executor,
  order: StockOrder,
  effects: Effect[],
  options: { dryRun?: boolean } = {},
): Promise<boolean> {
  const needsItems =
    effects.includes("release_stock") || effects.includes("reserve_stock_again") || effects.includes("restock");
  if (!needsItems) return true;
  const items = await queries.listOrderItems(tx, order.id);
  const change = (sign: 1 | -1) => items.map((item) => ({ variantId: item.variantId, delta: sign * item.quantity }));

  // A cancelled paid order's units never left the shop: back on the shelf, once.
  if (effects.includes("restock") && order.stockState === "committed") await queries.adjustStock(tx, change(1));
  if (effects.includes("release_stock") && order.stockState === "reserved") await queries.adjustStock(tx, change(1));
  if (effects.includes("reserve_stock_again") && order.stockState === "released") {
    const locked = await queries.lockVariants(
      tx,
      items.map((item) => item.variantId),
    );
    const stockById = new Map(locked.map((variant) => [variant.id, variant.stock]));
    const available = items.every((item) => (stockById.get(item.variantId) ?? 0) >= item.quantity);
    if (!available || options.dryRun) return available;
    await queries.adjustStock(tx, change(-1));
  }
  return true;
}
