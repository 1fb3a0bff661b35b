import { z } from "zod";

import { ORDER_STATUSES } from "@/lib/orders/transitions";

export const PAGE_SIZE = 25;
export const ORDER_SORTS = ["newest", "oldest", "total_high", "total_low"] as const;
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
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type OrderFilters = z.output<typeof orderFiltersSchema>;

export function parseOrderFilters(params: Record<string, string | string[] | undefined>): OrderFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return orderFiltersSchema.parse(flat);
}
