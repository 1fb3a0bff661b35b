import type { Database } from "@/db";
import * as queries from "@/db/queries/cashfree-connections";

import { logError } from "@/lib/log";

import { CashfreeApiError, type PauseStatus } from "./errors";
import { type OAuthTokens, type PartnerConfig, refreshTokens } from "./partner";
import { decryptToken, encryptToken, openToken, storedKeyId, TokenDecryptionError, tokenKeyId } from "./token-crypto";

/**
 * Partner OAuth as configured in the environment: the partner host and keys, and the keys for tokens at rest
 * (newest first: it seals, all open).
 */
export interface OAuthSettings extends PartnerConfig {
  encryptionKeys: Buffer[];
  environment: string;
}

/** Which credential PG calls use now. */
export type MerchantCredentials =
  | { mode: "keys" }
  | { mode: "oauth"; accessToken: string; merchantId: string }
  | { mode: "paused"; status: PauseStatus; reason: string | null };

/** Tokens are refreshed this long before they expire, so a request never starts with one about to die. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const REFRESH_TTL_MS = 90 * 86_400_000;

export function storedTokens(settings: OAuthSettings, tokens: OAuthTokens, nowMs = Date.now()): queries.StoredTokens {
  return {
    accessTokenCipher: encryptToken(settings.encryptionKeys, tokens.accessToken),
    refreshTokenCipher: encryptToken(settings.encryptionKeys, tokens.refreshToken),
    accessExpiresAt: new Date(nowMs + tokens.expiresInSeconds * 1000),
    // Cashfree documents 90 days and does not say so in the response.
    refreshExpiresAt: new Date(nowMs + REFRESH_TTL_MS),
  };
}

const paused = (row: queries.ConnectionRow): MerchantCredentials => ({
  mode: "paused",
  status: row.status === "unlinked" ? "unlinked" : "broken",
  reason: row.statusReason,
});

function usable(settings: OAuthSettings, row: queries.ConnectionRow, untilMs: number) {
  if (!row.accessTokenCipher || !row.accessExpiresAt || row.accessExpiresAt.getTime() <= untilMs) return null;
  return decryptToken(settings.encryptionKeys, row.accessTokenCipher);
}

const TOKEN_KEYS_REASON =
  "This server's CASHFREE_TOKEN_ENCRYPTION_KEYS cannot open the stored Cashfree tokens: a key is missing or wrong. " +
  "The connection and its tokens are kept; put the key that sealed them back (or connect again).";

/**
 * The stored tokens this instance cannot open: a key configuration error, not a dead grant. The row is never
 * touched (another instance, or this one with the right key, can still use it); the error is logged loudly,
 * at most once a minute per instance and key set, since every page that checks the connection finds it again.
 */
export function tokenKeysProblem(settings: OAuthSettings, row: queries.ConnectionRow): string | null {
  const unopenable = [row.accessTokenCipher, row.refreshTokenCipher].find(
    (cipher) => cipher && !openToken(settings.encryptionKeys, cipher),
  );
  if (!unopenable) return null;
  reportTokenKeys(settings, unopenable);
  return TOKEN_KEYS_REASON;
}

const reportedAt = new Map<string, number>();

function reportTokenKeys(settings: OAuthSettings, cipher: string) {
  const sealedWith = storedKeyId(cipher);
  const configuredKeyIds = settings.encryptionKeys.map(tokenKeyId).join(",");
  const seen = `${sealedWith}|${configuredKeyIds}`;
  if (Date.now() - (reportedAt.get(seen) ?? 0) < 60_000) return;
  reportedAt.set(seen, Date.now());
  logError(
    "cashfree oauth: CONFIGURATION ERROR, no CASHFREE_TOKEN_ENCRYPTION_KEYS key opens the stored tokens; payments are paused on this instance, the connection is kept",
    new TokenDecryptionError(sealedWith),
    { storedKeyId: sealedWith ?? "none (sealed before key ids)", configuredKeyIds },
  );
}

const tokenKeysPaused = { mode: "paused", status: "token_keys", reason: TOKEN_KEYS_REASON } as const;

/** A refusal means the grant is dead (revoked, expired, spent); 429 and 5xx only mean "not now". */
const isRefusal = (error: unknown) =>
  error instanceof CashfreeApiError && error.status >= 400 && error.status < 500 && error.status !== 429;

/**
 * The credential for the next PG call. No connection (or one the owner disconnected): API keys. Linked: the
 * access token, refreshed first when it is within REFRESH_MARGIN_MS of expiry or was just refused
 * (`rejectedToken`). Broken or unlinked: paused. Tokens this instance's keys cannot open: paused too, as a
 * configuration error (tokenKeysProblem), the row untouched.
 */
export async function merchantCredentials(
  db: Database,
  settings: OAuthSettings,
  options: { rejectedToken?: string } = {},
): Promise<MerchantCredentials> {
  const row = await queries.getConnection(db);
  if (!row || row.status === "disconnected") return { mode: "keys" };
  if (row.status !== "linked") return paused(row);
  try {
    const token = usable(settings, row, Date.now() + REFRESH_MARGIN_MS);
    if (token && token !== options.rejectedToken)
      return { mode: "oauth", accessToken: token, merchantId: row.merchantId };
  } catch (error) {
    if (!(error instanceof TokenDecryptionError)) throw error;
    tokenKeysProblem(settings, row);
    return tokenKeysPaused;
  }
  return refreshConnection(db, settings, options.rejectedToken);
}

/**
 * One refresh at a time, across requests and app instances: the connection row is locked (FOR UPDATE) for the
 * duration, and whoever gets the lock next re-reads it and finds the new token instead of refreshing again, so
 * a spent refresh token is never sent twice. The partner call runs inside the transaction on purpose (it is
 * the critical section); it has a short timeout and no retries. A refusal marks the connection broken; a
 * network failure or 5xx leaves it linked and falls back to the current token while it is still valid.
 */
async function refreshConnection(
  db: Database,
  settings: OAuthSettings,
  rejectedToken: string | undefined,
): Promise<MerchantCredentials> {
  const result = await db.transaction(async (tx) => {
    const row = await queries.getConnection(tx, { lock: true });
    if (!row || row.status === "disconnected") return { mode: "keys" } as const;
    if (row.status !== "linked") return paused(row);
    const linked = (accessToken: string) => ({ mode: "oauth", accessToken, merchantId: row.merchantId }) as const;
    let current: string | null;
    let refreshToken: string | null;
    try {
      current = usable(settings, row, Date.now());
      refreshToken = row.refreshTokenCipher ? decryptToken(settings.encryptionKeys, row.refreshTokenCipher) : null;
    } catch (error) {
      // Not a dead grant but keys this instance lacks: the row stays as it is (issue 26).
      if (!(error instanceof TokenDecryptionError)) throw error;
      tokenKeysProblem(settings, row);
      return tokenKeysPaused;
    }
    // Someone else rotated while we waited for the lock: use theirs.
    const fresh = usable(settings, row, Date.now() + REFRESH_MARGIN_MS);
    if (fresh && fresh !== rejectedToken) return linked(fresh);
    if (!refreshToken) {
      const reason = "No refresh token is stored; connect again.";
      await queries.setConnectionStatus(tx, "broken", reason, ["linked"]);
      return { mode: "paused", status: "broken", reason } as const;
    }
    try {
      const tokens = await refreshTokens(settings, refreshToken);
      await queries.saveRotatedTokens(tx, row.tokenGeneration, storedTokens(settings, tokens));
      return linked(tokens.accessToken);
    } catch (error) {
      if (isRefusal(error)) {
        const reason = `Cashfree refused to refresh the access token (${(error as CashfreeApiError).code}). Connect again.`;
        await queries.setConnectionStatus(tx, "broken", reason, ["linked"]);
        return { mode: "paused", status: "broken", reason } as const;
      }
      // Down or slow: try again on the next request; meanwhile the current token serves while it lasts.
      if (current && current !== rejectedToken) return linked(current);
      return { mode: "unavailable", error } as const;
    }
  });
  if (result.mode === "unavailable") throw result.error;
  return result;
}
