"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { emailOrderLinkIfMatches, FIND_ORDER_ANSWER } from "@/lib/orders/find";
import { limitedMessage } from "@/lib/rate-limit";
import { emailSchema } from "@/lib/schemas";

const findSchema = z.object({
  email: emailSchema,
  // Shoppers type order numbers in any case and with stray spaces.
  orderId: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^[A-Z0-9_-]{3,45}$/, "Enter the order number from your receipt, e.g. KC-261202-7QH3M2XA.")),
});

export const findOrderAction = shopAction(findSchema, async (data) => {
  const address = clientAddress(await headers(), env.trustedProxyHops);
  const outcome = await emailOrderLinkIfMatches({ ...data, address });
  if (outcome !== "answered") return fail(limitedMessage("Too many requests.", outcome.retryAfterSeconds));
  return ok(FIND_ORDER_ANSWER);
});
