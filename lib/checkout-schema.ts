import { z } from "zod";

import { emailSchema, phoneSchema, pincodeSchema } from "@/lib/schemas";

/** Shared by the checkout form (browser hints) and the server action (the real check). */

export const INDIAN_STATES = [
  "Andaman and Nicobar Islands",
  "Andhra Pradesh",
  "Arunachal Pradesh",
  "Assam",
  "Bihar",
  "Chandigarh",
  "Chhattisgarh",
  "Dadra and Nagar Haveli and Daman and Diu",
  "Delhi",
  "Goa",
  "Gujarat",
  "Haryana",
  "Himachal Pradesh",
  "Jammu and Kashmir",
  "Jharkhand",
  "Karnataka",
  "Kerala",
  "Ladakh",
  "Lakshadweep",
  "Madhya Pradesh",
  "Maharashtra",
  "Manipur",
  "Meghalaya",
  "Mizoram",
  "Nagaland",
  "Odisha",
  "Puducherry",
  "Punjab",
  "Rajasthan",
  "Sikkim",
  "Tamil Nadu",
  "Telangana",
  "Tripura",
  "Uttar Pradesh",
  "Uttarakhand",
  "West Bengal",
] as const;

const trimmed = (min: number, max: number, label: string) =>
  z.string().trim().min(min, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

export const customerDetailsSchema = z.object({
  name: trimmed(3, 100, "Full name").refine((v) => v.length >= 3, "Enter your full name"),
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
