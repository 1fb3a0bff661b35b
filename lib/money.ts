/** Money is integer paise everywhere; these are the only conversions. */

const exact = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2 });
const wholeRupees = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });
/** "−", the minus sign (a hyphen reads as a dash, and is narrower than the digits). */
const MINUS = "\u2212";

interface FormatInrOptions {
  /**
   * "price": a price the merchant set, as the catalog shows it — a whole-rupee amount without ".00" (₹1,499),
   * any other with both decimals (₹1,249.50). "exact" (the default): always two decimals, for what the shopper
   * pays and is billed (totals, "Pay ₹…", invoices, e-mails, refunds), where paise must never look rounded away.
   */
  style?: "exact" | "price";
}

/**
 * "₹1,499.00"; a negative amount (a refund, a deduction, a debit) "−₹919.99", with the minus sign (U+2212), not a
 * hyphen, and no space: one format for every negative amount the app shows. Files (CSV) and Cashfree get
 * `paiseToRupeeString`'s "-919.99" instead, which spreadsheets and parsers read as a number.
 */
export function formatInr(paise: number, { style = "exact" }: FormatInrOptions = {}): string {
  assertPaise(paise);
  const magnitude = Math.abs(paise);
  const rupees = (style === "price" && magnitude % 100 === 0 ? wholeRupees : exact).format(magnitude / 100);
  return paise < 0 ? `${MINUS}${rupees}` : rupees;
}

/** Rupees with exactly two decimals, as Cashfree expects ("1499.00"), computed without floating point. */
export function paiseToRupeeString(paise: number): string {
  assertPaise(paise);
  const sign = paise < 0 ? "-" : "";
  const abs = Math.abs(paise);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Parses a rupee amount ("1499", "1499.5", 1499.5) into paise; rejects more than two decimals. */
export function rupeesToPaise(rupees: string | number): number {
  const text = typeof rupees === "number" ? rupeesNumberToText(rupees) : rupees.trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`not a rupee amount with at most two decimals: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  const paise = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign ? -paise : paise;
}

/** What a person typed as a rupee amount: its paise, or the rule it broke in a sentence. */
export type RupeeInput = { ok: true; paise: number } | { ok: false; error: string; tooLarge?: true };

// Digits as people in India write them: plain (125000), in Indian groups (1,25,000: the last three digits, then
// pairs) or in groups of three (125,000, as spreadsheets and foreign invoices print them).
const RUPEE_DIGITS = /^(?:\d+|\d{1,2}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+)$/;

/**
 * Reads a rupee amount as a merchant types or pastes it: "1250", "1,250", "1,25,000", "₹1,250.50", "Rs. 1,250/-",
 * "INR 1250". The currency sign or word and the "/-" of a written amount are dropped; commas must sit between
 * groups of digits (a stray one is more likely a typo than a thousand); at most two decimals (paise). `example`
 * goes into the messages ("e.g. 1,250 or 1,250.50").
 */
export function parseRupeeInput(text: string, example = "1,250 or 1,250.50"): RupeeInput {
  const amount = text
    .trim()
    .replace(/^(?:₹|rs\.?|inr)\s*/i, "")
    .replace(/\s*\/-$/, "");
  const match = /^([\d,]+)(?:\.(\d*))?$/.exec(amount);
  if (!match) return { ok: false, error: `Enter the amount in rupees, using digits, e.g. ${example}` };
  const [, whole, fraction = ""] = match;
  if (!RUPEE_DIGITS.test(whole!))
    return { ok: false, error: "Commas go between groups of digits, e.g. 1,250 or 1,25,000" };
  if (fraction.length > 2) return { ok: false, error: `An amount has at most two decimals (paise), e.g. ${example}` };
  const digits = whole!.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  // Past 15 digits a number loses precision; no amount the shop takes comes near (lib/schemas.ts caps it).
  if (digits.length > 15) return { ok: false, error: "That amount is too large", tooLarge: true };
  return { ok: true, paise: Number(digits) * 100 + Number(fraction.padEnd(2, "0")) };
}

function rupeesNumberToText(rupees: number) {
  if (!Number.isFinite(rupees)) throw new RangeError(`not a finite amount: ${rupees}`);
  // JSON numbers such as 150.5 or 1499.99 print exactly in their shortest form.
  return String(rupees);
}

function assertPaise(paise: number) {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`paise must be an integer: ${paise}`);
}
