import { z } from "@/lib/zod";

import { formatInr, rupeesToPaise } from "@/lib/money";

/** Shared input schemas: every form and action that takes one of these takes it the same way. */

/**
 * The largest amount the shop accepts anywhere (a price, a refund, a payment link): ₹10,00,000. Cashfree's own
 * limit depends on the merchant account; ours keeps absurd input (10^20 rupees) out of the database.
 */
export const MAX_AMOUNT_PAISE = 100_000_000;

/** A rupee amount typed by a person ("1499", "1499.50"), as integer paise between `minPaise` and the shop's maximum. */
export function rupeeAmount(options: { label: string; example: string; minPaise?: number }) {
  const minPaise = options.minPaise ?? 100;
  return z
    .string()
    .trim()
    .max(12, `The largest ${options.label} is ${formatInr(MAX_AMOUNT_PAISE)}.`)
    .regex(
      /^\d+(\.\d{1,2})?$/,
      `Enter ${options.label === "price" ? "a price" : "an amount"} in rupees, e.g. ${options.example}.`,
    )
    .transform((v) => rupeesToPaise(v))
    .refine((paise) => paise >= minPaise, `The smallest ${options.label} is ${formatInr(minPaise)}.`)
    .refine((paise) => paise <= MAX_AMOUNT_PAISE, `The largest ${options.label} is ${formatInr(MAX_AMOUNT_PAISE)}.`);
}

/** A product's address in the shop (`/products/<slug>`): lowercase words of letters and digits joined by dashes. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes.");

/** Our order id, also Cashfree's order_id: 3–45 characters of letters, digits, "_" and "-". */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{3,45}$/, "Invalid order id.");

/** A customer's e-mail, as we store it (trimmed, lower case). */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(100));

/** A 10-digit Indian mobile number; a +91 or 0 prefix and spaces are accepted and dropped. */
export const phoneSchema = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+91|91(?=\d{10}$)|0(?=\d{10}$))/, ""))
  .pipe(z.string().regex(/^[6-9]\d{9}$/, "Enter a 10-digit Indian mobile number"));

/** An Indian PIN code: six digits, not starting with 0. */
export const pincodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9]\d{5}$/, "Enter a 6-digit PIN code");
