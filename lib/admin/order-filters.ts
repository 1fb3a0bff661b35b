import { z } from "zod";

import { ORDER_SORTS, type OrderCursor } from "@/db/queries/admin-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";

export { ORDER_SORTS };
export const PAGE_SIZE = 25;
export const PAYMENT_GROUPS = ["upi", "credit_card", "debit_card", "net_banking", "wallet", "pay_later"] as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional());
const rupees = optional(z.coerce.number().nonnegative().max(10_000_000)).transform((v) =>
  v === undefined ? undefined : Math.round(v * 100),
);

/** The admin order list's query string; anything malformed falls back to "no filter" rather than an error page. */
const orderFiltersSchema = z.object({
  status: optional(z.enum(ORDER_STATUSES)).catch(undefined),
  method: optional(z.enum(PAYMENT_GROUPS)).catch(undefined),
  from: optional(z.iso.date()).catch(undefined),
  to: optional(z.iso.date()).catch(undefined),
  min: rupees.catch(undefined),
  max: rupees.catch(undefined),
  q: optional(z.string().trim().max(100)).catch(undefined),
  sort: z.enum(ORDER_SORTS).catch("newest"),
  after: optional(z.string().max(200)).catch(undefined),
  before: optional(z.string().max(200)).catch(undefined),
});

export type OrderFilters = z.output<typeof orderFiltersSchema>;

export function parseOrderFilters(params: Record<string, string | string[] | undefined>): OrderFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return orderFiltersSchema.parse(flat);
}

/** A page edge in the address (`?after=` / `?before=`): the edge row's sort values, base64url JSON. */
export function encodeCursor(cursor: OrderCursor) {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id, cursor.totalPaise])).toString("base64url");
}

const cursorSchema = z.tuple([
  // PostgreSQL's text of a timestamptz, as the query reads it back: it is cast in SQL, so nothing else may pass.
  z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/),
  z.string().regex(/^[A-Za-z0-9_-]{1,45}$/),
  z.number().int().min(0).max(2_000_000_000),
]);

/** The cursor a page's link carries, or none (the first page) when it is missing or malformed. */
export function decodeCursor(filters: OrderFilters) {
  const token = filters.after ?? filters.before;
  if (!token) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    const [createdAt, id, totalPaise] = parsed.data;
    return { direction: filters.after ? "after" : "before", row: { createdAt, id, totalPaise } } as const;
  } catch {
    return undefined;
  }
}
