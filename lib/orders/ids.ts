import { randomBytes, timingSafeEqual } from "node:crypto";

import { indiaDay } from "@/lib/india-day";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud over the phone

/**
 * e.g. KC-261122-7QH3M2XA: readable, sortable by day, and within Cashfree's order_id rules. The day is India's, as
 * the order page's "placed" time is: an order placed at 1:30 am IST on the 23rd is KC-261123-…, not the UTC 22nd.
 */
export function newOrderId(now = new Date()): string {
  const day = indiaDay(now.getTime()).slice(2).replaceAll("-", "");
  const bytes = randomBytes(8);
  const suffix = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `KC-${day}-${suffix}`;
}

/** The secret in the shopper's order link: 128 bits, URL-safe. */
export function newAccessToken(): string {
  return randomBytes(16).toString("base64url");
}

/** The shopper's order page, opened by the link's token (checkout, e-mails, paying again). */
export function orderPagePath(orderId: string, accessToken: string) {
  return `/orders/${encodeURIComponent(orderId)}?token=${accessToken}`;
}

export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
