"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { guardedAdminAction } from "@/lib/admin/guard";
import { CHECKOUT_VARIANTS, setSetting } from "@/lib/settings";

const settingsSchema = z.object({
  checkoutVariant: z.enum(CHECKOUT_VARIANTS, "Choose redirect, modal or inline."),
  autoRefundLatePayments: z.boolean(),
});

/** Owner only: how shoppers see Cashfree checkout, and what happens to payments that arrive too late. */
export async function saveSettingsAction(input: z.input<typeof settingsSchema>) {
  return guardedAdminAction("owner", settingsSchema, input, async (_admin, data) => {
    await setSetting("checkout_variant", data.checkoutVariant);
    await setSetting("auto_refund_late_payments", data.autoRefundLatePayments);
    revalidatePath("/admin/settings");
    return { ok: true, message: "Settings saved." };
  });
}
