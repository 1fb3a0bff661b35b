import { rupeeAmount } from "@/lib/schemas";
import { z } from "@/lib/zod";

/** What a refund takes, read the same way by the refund form (in the browser, to confirm it) and by its action. */
export const refundAmountSchema = rupeeAmount({ label: "refund", example: "250 or 250.50" });
export const refundReasonSchema = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(200);

/** Cashfree's payment_group values, as the customer would name what they paid with. */
const INSTRUMENTS: Record<string, string> = {
  debit_card: "debit card",
  credit_card: "credit card",
  prepaid_card: "prepaid card",
  debit_card_emi: "debit card (EMI)",
  credit_card_emi: "credit card (EMI)",
  upi: "UPI account",
  upi_credit_card: "credit card on UPI",
  upi_ppi: "UPI wallet",
  upi_ppi_offline: "UPI wallet",
  net_banking: "bank account",
  bank_transfer: "bank account",
  wallet: "wallet",
  pay_later: "pay-later account",
  cardless_emi: "cardless EMI account",
  paypal: "PayPal account",
};

/**
 * Where a refund goes: Cashfree returns it to what the order was paid with, taking up to 7–10 business days
 * depending on the method (https://www.cashfree.com/docs/payments/manage/refunds/overview). "the customer's debit
 * card" for the merchant's confirmation; the payment group comes from the order's payment record, never the browser.
 */
export function refundDestination(paymentGroup: string | null | undefined): string {
  const instrument = paymentGroup ? INSTRUMENTS[paymentGroup] : undefined;
  return instrument ? `the customer's ${instrument}` : "the customer's original payment method";
}
