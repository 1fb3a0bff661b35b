import { z } from "@/lib/zod";

/** The states and union territories, as addresses and GST name them. */
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

export type IndianState = (typeof INDIAN_STATES)[number];

/**
 * GST rates in basis points (1800 = 18%), as notified from 22 September 2025 (56th GST Council; CBIC
 * Notification 9/2025-Central Tax (Rate) and 9/2025-Integrated Tax (Rate)): the slabs 5%, 18% and 40%, nil,
 * and the special rates for precious metals and stones (3%, 1.5%, 0.25%) and the 28% kept for a few goods.
 */
export const GST_RATES_BPS = [0, 25, 150, 300, 500, 1800, 2800, 4000] as const;
export type GstRateBps = (typeof GST_RATES_BPS)[number];

export function formatRate(rateBps: number) {
  return `${rateBps / 100}%`;
}

export const gstRateSchema = z.coerce
  .number()
  .int()
  .refine((v): v is GstRateBps => (GST_RATES_BPS as readonly number[]).includes(v), "Choose a GST rate");

/**
 * An HSN code (goods, chapters 01–98) or SAC (services, 99…): 4, 6 or 8 digits. Rule 46 requires at least 4 digits
 * on a tax invoice (6 above ₹5 crore turnover); 8 is the full tariff item.
 */
export const hsnSchema = z
  .string()
  .trim()
  .regex(/^(\d{4}|\d{6}|\d{8})$/, "An HSN code has 4, 6 or 8 digits")
  .refine((v) => !v.startsWith("00"), "An HSN code starts with its chapter, 01 to 99");

/** GST state codes (the first two digits of a GSTIN). 25/26 are the merged Daman and Diu, 28/37 old and new Andhra Pradesh. */
const STATE_BY_CODE: Record<string, IndianState> = {
  "01": "Jammu and Kashmir",
  "02": "Himachal Pradesh",
  "03": "Punjab",
  "04": "Chandigarh",
  "05": "Uttarakhand",
  "06": "Haryana",
  "07": "Delhi",
  "08": "Rajasthan",
  "09": "Uttar Pradesh",
  "10": "Bihar",
  "11": "Sikkim",
  "12": "Arunachal Pradesh",
  "13": "Nagaland",
  "14": "Manipur",
  "15": "Mizoram",
  "16": "Tripura",
  "17": "Meghalaya",
  "18": "Assam",
  "19": "West Bengal",
  "20": "Jharkhand",
  "21": "Odisha",
  "22": "Chhattisgarh",
  "23": "Madhya Pradesh",
  "24": "Gujarat",
  "25": "Dadra and Nagar Haveli and Daman and Diu",
  "26": "Dadra and Nagar Haveli and Daman and Diu",
  "27": "Maharashtra",
  "28": "Andhra Pradesh",
  "29": "Karnataka",
  "30": "Goa",
  "31": "Lakshadweep",
  "32": "Kerala",
  "33": "Tamil Nadu",
  "34": "Puducherry",
  "35": "Andaman and Nicobar Islands",
  "36": "Telangana",
  "37": "Andhra Pradesh",
  "38": "Ladakh",
};

/** The state code printed next to a state's name on invoices (the current one where a state has two). */
export function stateCode(state: IndianState): string {
  const codes = Object.entries(STATE_BY_CODE).filter(([, name]) => name === state);
  return codes[codes.length - 1]![0];
}

const GSTIN_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** 2-digit state code, the holder's PAN, the registration's number within that PAN, "Z", a check character. */
const GSTIN_FORMAT = /^(\d{2})([A-Z]{5}\d{4}[A-Z])([1-9A-Z])Z([0-9A-Z])$/;

/** GSTN's check character: a Luhn mod 36 over the first 14 characters. */
function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = GSTIN_CHARSET.indexOf(first14[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARSET[(36 - (sum % 36)) % 36]!;
}

/** The state a GSTIN is registered in; undefined for an invalid one. */
export function gstinState(gstin: string): IndianState | undefined {
  const match = GSTIN_FORMAT.exec(gstin);
  if (!match || gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14]) return undefined;
  return STATE_BY_CODE[match[1]!];
}

/** A GSTIN as typed (spaces and lower case allowed), checked for format, state code and check character. */
export const gstinSchema = z
  .string()
  .transform((v) => v.replace(/\s/g, "").toUpperCase())
  .superRefine((gstin, ctx) => {
    const match = GSTIN_FORMAT.exec(gstin);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "A GSTIN has 15 characters, like 29ABCDE1234F1Z5" });
    } else if (!STATE_BY_CODE[match[1]!]) {
      ctx.addIssue({ code: "custom", message: `${match[1]} is not a GST state code` });
    } else if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14]) {
      ctx.addIssue({ code: "custom", message: "This GSTIN's check character does not match: please check for a typo" });
    }
  });
