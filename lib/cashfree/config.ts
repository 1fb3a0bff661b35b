export const CASHFREE_API_VERSION = "2025-01-01";

/**
 * How we authenticate. Merchant keys today; partner keys and OAuth bearer tokens slot in as further variants
 * without touching the callers.
 */
export type CashfreeCredentials =
  | { kind: "merchant"; appId: string; secretKey: string }
  | { kind: "partner"; partnerApiKey: string; merchantId: string }
  | { kind: "oauth"; accessToken: string }
  /** The partner's own calls to the OAuth endpoints (auth link, token, revoke). */
  | { kind: "partnerOAuth"; partnerApiKey: string; oauthClientId: string };

export interface CashfreeConfig {
  /** e.g. https://sandbox.cashfree.com/pg */
  baseUrl: string;
  credentials: CashfreeCredentials;
  timeoutMs: number;
  maxRetries: number;
  /** Base delay of the exponential backoff between retries. */
  retryBaseMs: number;
}

export function authHeaders(credentials: CashfreeCredentials): Record<string, string> {
  switch (credentials.kind) {
    case "merchant":
      return { "x-client-id": credentials.appId, "x-client-secret": credentials.secretKey };
    case "partner":
      return { "x-partner-apikey": credentials.partnerApiKey, "x-partner-merchantid": credentials.merchantId };
    case "oauth":
      return { authorization: `Bearer ${credentials.accessToken}` };
    case "partnerOAuth":
      return { "x-partner-apikey": credentials.partnerApiKey, "oauth-client-id": credentials.oauthClientId };
  }
}
