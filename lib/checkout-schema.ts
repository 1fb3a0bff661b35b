import { z } from "@/lib/zod";

import { gstinSchema, INDIAN_STATES } from "@/lib/gst/codes";
import { emailSchema, phoneSchema, pincodeSchema } from "@/lib/schemas";

/** Shared by the checkout form (browser hints) and the server action (the real check). */

const trimmed = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label} is required`, abort: true })
    .min(min, `${label} must be at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);

const optionalText = (schema: z.ZodType<string | undefined, string>) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(schema.optional());

export const customerDetailsSchema = z
  .object({
    // Cashfree takes a customer name of 3 to 100 characters.
    name: trimmed(3, 100, "Full name"),
    email: emailSchema,
    phone: phoneSchema,
    line1: trimmed(3, 200, "Address"),
    line2: z
      .string()
      .trim()
      .max(200, "Address line 2 must be at most 200 characters")
      .optional()
      .transform((v) => v || undefined),
    city: trimmed(2, 100, "City"),
    state: z.enum(INDIAN_STATES, "Choose your state"),
    pincode: pincodeSchema,
    /** A business purchase: the GSTIN and legal name printed on the tax invoice, so the buyer can claim the credit. */
    businessGstin: optionalText(gstinSchema),
    businessName: optionalText(trimmed(2, 120, "Business name")),
  })
  .superRefine((customer, ctx) => {
    if (customer.businessGstin && !customer.businessName)
      ctx.addIssue({ code: "custom", path: ["businessName"], message: "Enter the business name on the GSTIN" });
    if (customer.businessName && !customer.businessGstin)
      ctx.addIssue({ code: "custom", path: ["businessGstin"], message: "Enter the business's GSTIN" });
  });

export type CustomerDetails = z.output<typeof customerDetailsSchema>;
export type CustomerField = keyof z.input<typeof customerDetailsSchema>;

export const checkoutRequestSchema = z.object({
  customer: customerDetailsSchema,
  /** Generated once by the form; a double submit carries the same id and finds the same order. */
  checkoutAttemptId: z.uuid(),
  /** The total the shopper saw. Never used as a price: only compared, so a changed price is announced. */
  expectedTotalPaise: z.coerce.number().int().nonnegative(),
});
