import { z } from "@/lib/zod";

import { formatInr, parseRupeeInput } from "@/lib/money";

/** Shared input schemas: every form and action that takes one of these takes it the same way. */

/**
 * The largest amount the shop accepts anywhere (a price, a refund, a payment link): ₹10,00,000. Cashfree's own
 * limit depends on the merchant account; ours keeps absurd input (10^20 rupees) out of the database.
 */
export const MAX_AMOUNT_PAISE = 100_000_000;

/**
 * A rupee amount typed by a person ("1499", "1,499.50", "₹1,25,000"; lib/money.ts reads it), as integer paise between
 * `minPaise` and the shop's maximum.
 */
export function rupeeAmount(options: { label: string; example: string; minPaise?: number }) {
  const minPaise = options.minPaise ?? 100;
  const largest = `The largest ${options.label} is ${formatInr(MAX_AMOUNT_PAISE)}.`;
  return z
    .string()
    .max(40, largest)
    .transform((text, ctx) => {
      const amount = parseRupeeInput(text, options.example);
      if (amount.ok) return amount.paise;
      ctx.addIssue({ code: "custom", message: amount.tooLarge ? largest : `${amount.error}.` });
      return z.NEVER;
    })
    .refine((paise) => paise >= minPaise, `The smallest ${options.label} is ${formatInr(minPaise)}.`)
    .refine((paise) => paise <= MAX_AMOUNT_PAISE, largest);
}

/** A product's address in the shop (`/products/<slug>`): lowercase words of letters and digits joined by dashes. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes.");

/** Our order id, also Cashfree's order_id: 3–45 characters of letters, digits, "_" and "-". */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{3,45}$/, "Invalid order id.");

/** A customer's e-mail, as we store it (trimmed, lower case). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(100, "An email address has at most 100 characters"));

/** A refinement that reports the first rule a value breaks (`problem` returns its sentence), so a field has one message. */
const firstProblem = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx<string>) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: "custom", message });
};

/**
 * A 10-digit Indian mobile number; a +91 or 0 prefix, spaces and dashes are accepted and dropped. Mobile numbers
 * start with 6, 7, 8 or 9 (the National Numbering Plan gives the other first digits to landlines and services).
 */
export const phoneSchema = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+91|91(?=\d{10}$)|0(?=\d{10}$))/, ""))
  .superRefine(
    firstProblem((v) => {
      if (!v) return "Enter a 10-digit mobile number";
      if (!/^\d+$/.test(v)) return "A mobile number has digits only, e.g. 98765 43210";
      if (v.length !== 10) return `A mobile number has 10 digits; this has ${v.length}`;
      if (!/^[6-9]/.test(v)) return "Indian mobile numbers start with 6, 7, 8 or 9";
      return null;
    }),
  );

export const ARMY_POSTAL_PIN = "PIN codes starting with 9 are Army Postal Service codes: enter a civilian address";

/**
 * An Indian PIN code: six digits. The first digit is the postal region, 1–8 for civilian addresses (9 is the Army
 * Postal Service), so none starts with 0. Whether it lies in the address's state is checked on the server
 * (lib/address/pincodes.ts), which has India Post's list.
 */
export const pincodeSchema = z
  .string()
  // "110 001", as PIN codes are sometimes written.
  .transform((v) => v.replace(/\s/g, ""))
  .superRefine(
    firstProblem((v) => {
      if (!v) return "Enter the 6-digit PIN code";
      if (!/^\d+$/.test(v)) return "A PIN code has digits only";
      if (v.length !== 6) return `A PIN code has 6 digits; this has ${v.length}`;
      if (v.startsWith("0")) return "PIN codes don't start with 0: the first digit is the postal region, 1 to 8";
      if (v.startsWith("9")) return ARMY_POSTAL_PIN;
      return null;
    }),
  );
