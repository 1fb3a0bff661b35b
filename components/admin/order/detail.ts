import type { getAdminOrder } from "@/lib/admin/orders";
import type { nextFulfilmentStep } from "@/lib/orders/transitions";

/** Everything the admin order page shows about one order, as lib/admin/orders loads it. */
export type AdminOrderDetail = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;

/** The fulfilment step the merchant can take next ("shipped", "delivered"), if any. */
export type NextStep = ReturnType<typeof nextFulfilmentStep>;
