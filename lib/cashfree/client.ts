import "server-only";

import { env } from "@/lib/env";

import type { CashfreeConfig } from "./config";

/** The app's Cashfree configuration, from the validated environment. */
export function defaultCashfreeConfig(): CashfreeConfig {
  return {
    baseUrl: env.cashfree.baseUrl,
    credentials: { kind: "merchant", appId: env.cashfree.appId, secretKey: env.cashfree.secretKey },
    timeoutMs: 10_000,
    maxRetries: 2,
    retryBaseMs: 250,
  };
}
