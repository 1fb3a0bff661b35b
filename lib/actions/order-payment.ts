"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { resumePayment } from "@/lib/orders/resume";
import { orderIdSchema } from "@/lib/schemas";

// The order's link token is the shopper's only credential; resumePayment checks it in constant time.
const resumeSchema = z.object({ orderId: orderIdSchema, token: z.string().min(10).max(64) });

export const resumePaymentAction = shopAction(
  resumeSchema,
  async (data) => resumePayment(data.orderId, data.token, clientAddress(await headers(), env.trustedProxyHops)),
  { invalidMessage: "Order not found." },
);
