import { rmSync } from "node:fs";

/**
 * Pages cached by `next start` (product pages) live in .next/server/route-cache, and the tagged data they read
 * in .next/cache/fetch-cache; both outlive the server. A server started on a fresh database must not serve what
 * was rendered from the previous one (its product ids no longer exist), so test and benchmark servers clear them.
 */
export function clearPageCache() {
  rmSync(".next/server/route-cache", { recursive: true, force: true });
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
}
