import "server-only";

import { getDb } from "@/db";
import { env } from "@/lib/env";

import type { CashfreeConfig, CashfreeCredentials } from "./config";
import { merchantCredentials, type OAuthSettings } from "./connection";
import { CashfreeApiError, CashfreePausedError } from "./errors";

/** The app's Cashfree configuration with API keys, from the validated environment. */
function defaultCashfreeConfig(credentials?: CashfreeCredentials): CashfreeConfig {
  return {
    baseUrl: env.cashfree.baseUrl,
    credentials: credentials ?? { kind: "merchant", appId: env.cashfree.appId, secretKey: env.cashfree.secretKey },
    timeoutMs: 10_000,
    maxRetries: 2,
    retryBaseMs: 250,
  };
}

/** Partner OAuth settings, or null when the shop is configured with API keys only. */
export function oauthSettings(): OAuthSettings | null {
  const partner = env.cashfree.partner;
  return partner ? { ...partner, environment: env.cashfree.env } : null;
}

/** The configuration for the next PG call: the merchant's bearer token when connected by OAuth, else API keys. */
async function merchantConfig(rejectedToken?: string): Promise<CashfreeConfig> {
  const settings = oauthSettings();
  if (!settings) return defaultCashfreeConfig();
  const credentials = await merchantCredentials(await getDb(), settings, { rejectedToken });
  if (credentials.mode === "paused") throw new CashfreePausedError(credentials.status);
  if (credentials.mode === "keys") return defaultCashfreeConfig();
  return defaultCashfreeConfig({ kind: "oauth", accessToken: credentials.accessToken });
}

/**
 * Runs one PG call with the current credential. A bearer token Cashfree refuses (401: expired early, revoked)
 * is refreshed once and the call repeated; creates are safe to repeat because they carry idempotency keys.
 */
export async function withMerchantConfig<T>(call: (config: CashfreeConfig) => Promise<T>): Promise<T> {
  const config = await merchantConfig();
  try {
    return await call(config);
  } catch (error) {
    if (config.credentials.kind !== "oauth" || !(error instanceof CashfreeApiError) || error.status !== 401)
      throw error;
    return call(await merchantConfig(config.credentials.accessToken));
  }
}
