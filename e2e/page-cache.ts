import { rmSync } from "node:fs";

/**
 * Pages cached by `next start` (product pages) live in .next/server/route-cache and outlive the server.
 * A server started on a fresh database must not serve pages rendered from the previous one (their product
 * ids no longer exist), so test and benchmark servers clear it first.
 */
export function clearPageCache() {
  rmSync(".next/server/route-cache", { recursive: true, force: true });
}
