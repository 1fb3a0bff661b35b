"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { guardedAdminAction } from "@/lib/admin/guard";
import { customerDetailsSchema } from "@/lib/checkout-schema";
import { cancelPaymentLink, createPaymentLink, sendOrderPaymentLink } from "@/lib/payment-links";
import { orderIdSchema, rupeeAmount } from "@/lib/schemas";

const createSchema = z.object({
  amount: rupeeAmount({ label: "link", example: "1499 or 1499.50" }),
  purpose: z.string().trim().min(3, "Say what the payment is for.").max(500),
  name: z.string().trim().max(100).optional(),
  email: z.union([z.literal(""), customerDetailsSchema.shape.email]).optional(),
  phone: customerDetailsSchema.shape.phone,
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
});

export async function createPaymentLinkAction(input: z.input<typeof createSchema>) {
  return guardedAdminAction("staff", createSchema, input, async (admin, data) => {
    const result = await createPaymentLink(admin, {
      amountPaise: data.amount,
      purpose: data.purpose,
      customer: { name: data.name || undefined, email: data.email || undefined, phone: data.phone },
      expiresInDays: data.expiresInDays,
    });
    revalidatePath("/admin/payment-links");
    return result.ok ? { ok: true, message: `Link ${result.linkId} created: ${result.url}` } : { ok: false, error: result.error };
  });
}

const linkId = z.object({ linkId: z.string().regex(/^[A-Za-z0-9_-]{3,50}$/, "Invalid link id.") });

export async function cancelPaymentLinkAction(input: { linkId: string }) {
  return guardedAdminAction("staff", linkId, input, async (admin, data) => {
    const result = await cancelPaymentLink(admin, data.linkId);
    revalidatePath("/admin/payment-links");
    return result.ok ? { ok: true, message: "Link cancelled." } : { ok: false, error: result.error };
  });
}

const orderId = z.object({ orderId: orderIdSchema });

export async function sendOrderPaymentLinkAction(input: { orderId: string }) {
  return guardedAdminAction("staff", orderId, input, async (admin, data) => {
    const result = await sendOrderPaymentLink(admin, data.orderId);
    revalidatePath(`/admin/orders/${encodeURIComponent(data.orderId)}`);
    return result.ok ? { ok: true, message: `Payment link sent: ${result.url}` } : { ok: false, error: result.error };
  });
}
