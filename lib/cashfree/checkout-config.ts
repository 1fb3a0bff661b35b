import "server-only";

import { env } from "@/lib/env";

/** What the browser needs to open Cashfree checkout; no secrets. */
export interface BrowserCheckoutConfig {
  mode: "sandbox" | "production";
  /** In local mode, the sandbox's cashfree.js, loaded before the official loader so it picks it up. */
  sdkScriptUrl: string | null;
}

export function browserCheckoutConfig(): BrowserCheckoutConfig {
  const { env: cashfreeEnv, baseUrl } = env.cashfree;
  return {
    mode: cashfreeEnv === "production" ? "production" : "sandbox",
    sdkScriptUrl: cashfreeEnv === "local" ? `${new URL(baseUrl).origin}/js/v3/cashfree.js` : null,
  };
}
