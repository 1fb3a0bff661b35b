import { pincodeStateProblem } from "@/lib/address/pincodes";
import { z } from "@/lib/zod";

import { gstinSchema, gstinState, INDIAN_STATES } from "./codes";

const documentPrefix = (label: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    // Numbers are PREFIX/26-27/000123: at most 16 characters, as CGST Rule 46(b) allows.
    .regex(/^[A-Z0-9]{1,3}$/, `The ${label} prefix is 1 to 3 letters or digits`);

/** The business on the invoices: its legal name, GSTIN, registered address and state, and its numbering. */
export const sellerSchema = z
  .object({
    legalName: z
      .string()
      .trim()
      .min(2, "Enter the legal name on the GST registration")
      .max(120, "The legal name must be at most 120 characters"),
    gstin: gstinSchema,
    address: z
      .string()
      .trim()
      .min(10, "Enter the full registered address")
      .max(300, "The address must be at most 300 characters"),
    state: z.enum(INDIAN_STATES, "Choose the state of registration"),
    invoicePrefix: documentPrefix("invoice"),
    creditNotePrefix: documentPrefix("credit note"),
  })
  .superRefine((seller, ctx) => {
    const registered = gstinState(seller.gstin);
    if (registered && registered !== seller.state)
      ctx.addIssue({ code: "custom", path: ["gstin"], message: `This GSTIN is registered in ${registered}` });
    if (seller.invoicePrefix === seller.creditNotePrefix)
      ctx.addIssue({
        code: "custom",
        path: ["creditNotePrefix"],
        message: "Credit notes need a series of their own",
      });
  });

export type Seller = z.output<typeof sellerSchema>;

/** The PIN code an address ends with ("…, Bengaluru 560025", "… 560 025."): its last 6-digit number. */
export function pincodeIn(address: string) {
  const numbers = address.match(/(?<!\d)[1-9]\d{2} ?\d{3}(?!\d)/g);
  return numbers?.at(-1)?.replace(" ", "");
}

/**
 * What the owner saves (Admin → Settings): the stored shape, and an address that ends with its PIN code, in the
 * state of registration. Not applied when reading details saved before the check existed.
 */
export const sellerInputSchema = sellerSchema.superRefine((seller, ctx) => {
  const pincode = pincodeIn(seller.address);
  const problem = pincode
    ? pincodeStateProblem(pincode, seller.state)
    : "End the address with its 6-digit PIN code, e.g. Bengaluru 560025";
  if (problem) ctx.addIssue({ code: "custom", path: ["address"], message: problem });
});

/** The demo store (a made-up GSTIN with a valid check character). */
export const DEMO_SELLER: Seller = {
  legalName: "Kaveri and Company",
  gstin: "29AAKFK4821M1ZU",
  address: "12 Residency Road, Bengaluru 560025",
  state: "Karnataka",
  invoicePrefix: "KAV",
  creditNotePrefix: "KCN",
};
