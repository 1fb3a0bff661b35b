"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import { cancelPaymentLink, createPaymentLink, sendOrderPaymentLink } from "@/lib/payment-links";
import { limitAction } from "@/lib/rate-limit";
import { emailSchema, orderIdSchema, phoneSchema, rupeeAmount } from "@/lib/schemas";

const link = z.object({
  amount: rupeeAmount({ label: "link", example: "1,250 or 1,250.50" }),
  purpose: z
    .string()
    .trim()
    .min(3, "Say what the payment is for.")
    .max(500, "Say what the payment is for in at most 500 characters."),
  name: z.string().trim().max(100, "The customer's name must be at most 100 characters.").optional(),
  email: z.union([z.literal(""), emailSchema]).optional(),
  phone: phoneSchema,
  expiresInDays: z.coerce
    .number()
    .int("A link expires after a whole number of days, 1 to 30.")
    .min(1, "A link expires after 1 to 30 days.")
    .max(30, "A link expires after 1 to 30 days.")
    .default(7),
});

const TOO_MANY_LINKS = "Too many payment links were created in a short while.";

export const createPaymentLinkAction = adminAction("staff", "payment_link.create", link, async (data, admin, audit) => {
  const limited = await limitAction(TOO_MANY_LINKS, ["paymentLinksPerAdmin", admin.id]);
  if (limited) return limited;
  // The customer's contact details stay out of the log (it can never be erased); the link's own row has them.
  audit.note({ detail: { amountPaise: data.amount, purpose: data.purpose, expiresInDays: data.expiresInDays } });
  const result = await createPaymentLink(admin, {
    amountPaise: data.amount,
    purpose: data.purpose,
    customer: { name: data.name || undefined, email: data.email || undefined, phone: data.phone },
    expiresInDays: data.expiresInDays,
  });
  revalidatePath("/admin/payment-links");
  if (result.ok) audit.note({ target: { type: "payment_link", id: result.linkId } });
  return result.ok ? ok(`Link ${result.linkId} created: ${result.url}`) : fail(result.error);
});

const linkId = z.object({ linkId: z.string().regex(/^[A-Za-z0-9_-]{3,50}$/, "Invalid link id.") });

export const cancelPaymentLinkAction = adminAction("staff", "payment_link.cancel", linkId, async (data) => {
  const result = await cancelPaymentLink(data.linkId);
  revalidatePath("/admin/payment-links");
  return result.ok ? ok("Link cancelled.") : fail(result.error);
});

export const sendOrderPaymentLinkAction = adminAction(
  "staff",
  "payment_link.send",
  z.object({ orderId: orderIdSchema }),
  async (data, admin) => {
    const limited = await limitAction(
      TOO_MANY_LINKS,
      ["paymentLinksPerAdmin", admin.id],
      ["paymentLinksPerOrder", data.orderId],
    );
    if (limited) return limited;
    const result = await sendOrderPaymentLink(admin, data.orderId);
    revalidatePath(`/admin/orders/${encodeURIComponent(data.orderId)}`);
    return result.ok ? ok(`Payment link sent: ${result.url}`) : fail(result.error);
  },
);
