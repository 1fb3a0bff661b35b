import { rmSync } from "node:fs";

/**
 * Data cached by `next start` (the tagged product reads) lives in .next/cache/fetch-cache, and any page cached as
 * HTML in .next/server/route-cache (none today: every page renders per request for its CSP nonce); both outlive
 * the server. A server started on a fresh database must not serve what was read from the previous one (its product
 * ids no longer exist), so test and benchmark servers clear them.
 */
export function clearPageCache() {
  rmSync(".next/server/route-cache", { recursive: true, force: true });
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
}
