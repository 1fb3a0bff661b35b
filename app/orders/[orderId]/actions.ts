"use server";

import { z } from "zod";

import { resumePayment } from "@/lib/orders/resume";

const resumeSchema = z.object({ orderId: z.string().min(3).max(45), token: z.string().min(10).max(64) });

export async function resumePaymentAction(input: { orderId: string; token: string }) {
  const parsed = resumeSchema.safeParse(input);
  if (!parsed.success) return { error: "Order not found." } as const;
  return resumePayment(parsed.data.orderId, parsed.data.token);
}
