import { isIP } from "node:net";

/**
 * The client's address as the nearest trusted proxy saw it. Each proxy appends the address it was connected from
 * to X-Forwarded-For, so only the entry `trustedHops` from the right is trustworthy: anything left of it was
 * written by the client and can say anything. (On Vercel, which overwrites the header, that is its only entry.)
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - trustedHops)];
  return entry && isIP(entry) ? entry : null;
}
