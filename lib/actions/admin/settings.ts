"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { ok } from "@/lib/actions/result";
import { CHECKOUT_VARIANT_LABELS, CHECKOUT_VARIANTS } from "@/lib/checkout-variants";
import { customerCareSchema } from "@/lib/customer-care";
import { sellerInputSchema } from "@/lib/gst/seller";
import { catalogChanged } from "@/lib/products";
import { saveSettings } from "@/lib/settings";

const { redirect, modal, inline } = CHECKOUT_VARIANT_LABELS;
const settingsSchema = z.object({
  checkoutVariant: z.enum(CHECKOUT_VARIANTS, `Choose ${redirect}, ${modal} or ${inline}.`),
  autoRefundLatePayments: z.boolean(),
});

/** Owner only: how shoppers see Cashfree checkout, and what happens to payments that arrive too late. */
export const saveSettingsAction = adminAction("owner", "settings.update", settingsSchema, async (data, _, audit) => {
  const values = { checkout_variant: data.checkoutVariant, auto_refund_late_payments: data.autoRefundLatePayments };
  await saveSettings("checkout", values, audit);
  revalidatePath("/admin/settings");
  return ok("Settings saved.");
});

/**
 * Owner only: the business named on tax invoices. Invalid GSTINs, and an address whose PIN code is in another
 * state, are refused field by field (lib/gst).
 */
export const saveSellerAction = adminAction(
  "owner",
  "settings.update",
  sellerInputSchema,
  async (seller, _admin, audit) => {
    await saveSettings("seller", { seller }, audit);
    revalidatePath("/admin/settings");
    return ok("Tax details saved. New invoices use them; issued ones never change.");
  },
  { invalidMessage: "Please check the highlighted fields." },
);

/** Owner only: the consumer-care contact every product page shows (lib/customer-care.ts). */
export const saveCustomerCareAction = adminAction(
  "owner",
  "settings.update",
  customerCareSchema,
  async (customerCare, _admin, audit) => {
    await saveSettings("customer_care", { customer_care: customerCare }, audit);
    revalidatePath("/admin/settings");
    catalogChanged();
    return ok("Customer care saved: every product page shows it.");
  },
  { invalidMessage: "Please check the highlighted fields." },
);
