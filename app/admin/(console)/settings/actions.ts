"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { ok } from "@/lib/actions/result";
import { sellerSchema } from "@/lib/gst/seller";
import { CHECKOUT_VARIANTS, setSetting } from "@/lib/settings";

const settingsSchema = z.object({
  checkoutVariant: z.enum(CHECKOUT_VARIANTS, "Choose redirect, modal or inline."),
  autoRefundLatePayments: z.boolean(),
});

/** Owner only: how shoppers see Cashfree checkout, and what happens to payments that arrive too late. */
export const saveSettingsAction = adminAction("owner", settingsSchema, async (data) => {
  await setSetting("checkout_variant", data.checkoutVariant);
  await setSetting("auto_refund_late_payments", data.autoRefundLatePayments);
  revalidatePath("/admin/settings");
  return ok("Settings saved.");
});

/** Owner only: the business named on tax invoices. Invalid GSTINs are refused field by field (lib/gst). */
export const saveSellerAction = adminAction(
  "owner",
  sellerSchema,
  async (seller) => {
    await setSetting("seller", seller);
    revalidatePath("/admin/settings");
    return ok("Tax details saved. New invoices use them; issued ones never change.");
  },
  { invalidMessage: "Please check the highlighted fields." },
);
