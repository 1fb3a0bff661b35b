import { isIP } from "node:net";

/**
 * Where the shop's own server (scripts/server.mjs, `npm start` and `npm run dev`) writes the address the request's
 * connection comes from, overwriting whatever the client sent under that name. The same names are in that file,
 * which runs without a TypeScript loader (client-address.test.ts checks that they agree).
 */
export const CONNECTION_ADDRESS_HEADER = "x-connection-address";
/** Set on globalThis by that server in its own process: without it (`next start`), the header is the client's. */
export const SERVER_ENTRY_MARK = Symbol.for("storefront.server-entry");

/** Whether this process serves requests through the shop's server, which writes the connection's address. */
export function servedByShopServer() {
  return (globalThis as { [SERVER_ENTRY_MARK]?: boolean })[SERVER_ENTRY_MARK] === true;
}

/**
 * A production server with no proxy in front that is not the shop's server (`next start`) knows no client's
 * address: every per-address rate limit would count nothing. It stops at start, naming the fix.
 */
export function exitIfClientAddressesUnknown(trustedHops: number) {
  if (trustedHops > 0 || servedByShopServer()) return;
  console.error(
    "Configuration error: TRUSTED_PROXY_HOPS is 0 (no proxy in front), so start the shop with `npm start` " +
      "(scripts/server.mjs), which gives the app each connection's address; behind proxies, set " +
      "TRUSTED_PROXY_HOPS to their number (docs/deploying.md).",
  );
  process.exit(1);
}

const ipOrNull = (value: string | null | undefined) => (value && isIP(value) ? value : null);

/**
 * The client's address, from where the shop runs (`TRUSTED_PROXY_HOPS`, lib/env-schema.ts):
 * - 0, no proxy in front: the connection's own address, which only the shop's server can write. Next.js sets
 *   X-Forwarded-For only when a request has none, so there it is whatever the client wrote, and is never read.
 *   Under `next start` or `next dev` there is no address to trust: null.
 * - n proxies in front (Vercel, a load balancer): each appends the address it was connected from to
 *   X-Forwarded-For, so only the entry `n` from the right is trustworthy; anything left of it was written by the
 *   client and can say anything. (Vercel overwrites the header: its only entry is Vercel's.)
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops === 0) {
    return servedByShopServer() ? ipOrNull(headers.get(CONNECTION_ADDRESS_HEADER)) : null;
  }
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return ipOrNull(entries[Math.max(0, entries.length - trustedHops)]);
}
