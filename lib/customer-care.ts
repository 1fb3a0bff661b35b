import { z } from "@/lib/zod";

/**
 * Whom a shopper contacts with a complaint: the consumer-care declaration every product page carries (Legal
 * Metrology (Packaged Commodities) Rules 2011, rule 6(1), shown online under rule 6(10)) and the customer-care
 * contact the Consumer Protection (E-Commerce) Rules 2020 (rule 4) ask the site to show. Shop-wide: one setting.
 */
export const customerCareSchema = z.object({
  name: z.string().trim().min(2, "Name the person or office that handles complaints.").max(120),
  address: z.string().trim().min(10, "Enter the full address, with its PIN code.").max(300),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s-]{8,20}$/, "Enter a phone number, e.g. +91 80 4000 1234."),
  email: z.email("Enter the e-mail address complaints go to.").max(100),
});

export type CustomerCare = z.output<typeof customerCareSchema>;

/** The demo store's, as its contact page says. */
export const DEMO_CUSTOMER_CARE: CustomerCare = {
  name: "Customer care, Kaveri and Company",
  address: "12 Residency Road, Bengaluru, Karnataka 560025",
  phone: "+91 80 4000 1234",
  email: "orders@kaveri.example",
};
