import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/cashfree-connections";
import type { Admin } from "@/lib/auth/admins";
import { cashfree, CashfreeApiError, isCashfreeError } from "@/lib/cashfree";
import { oauthSettings } from "@/lib/cashfree/client";
import { type OAuthSettings, storedTokens, tokenKeysProblem } from "@/lib/cashfree/connection";
import type { PauseStatus } from "@/lib/cashfree/errors";
import { openToken } from "@/lib/cashfree/token-crypto";
import { log, logError } from "@/lib/log";

/** How long the owner has to finish Cashfree's consent page. Cashfree's own link lasts an hour. */
const STATE_TTL_MS = 15 * 60_000;

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

/** What the settings page says after the callback; the key travels in its address, never anything else. */
export const CONNECT_OUTCOMES = {
  connected: { ok: true, text: "Connected with Cashfree. Payments now use your Cashfree account's access token." },
  disconnected: { ok: true, text: "Disconnected from Cashfree. The shop uses its API keys again." },
  denied: { ok: false, text: "Cashfree access was not granted, so nothing changed." },
  bad_state: {
    ok: false,
    text: "That Cashfree sign-in link was invalid, expired or already used. Nothing changed; please connect again.",
  },
  code_refused: {
    ok: false,
    text: "Cashfree refused the authorisation (the code may have expired). Nothing changed; please connect again.",
  },
  unavailable: {
    ok: false,
    text: "Cashfree could not be reached to finish connecting. Nothing changed; please try again in a moment.",
  },
  not_configured: { ok: false, text: "Partner OAuth is not configured for this shop (see the README)." },
} as const;
export type ConnectOutcome = keyof typeof CONNECT_OUTCOMES;

export type StartResult = { ok: true; url: string } | { ok: false; outcome: ConnectOutcome };

/**
 * "Connect with Cashfree": a random state (43 characters), its SHA-256 stored for this owner and session, and
 * Cashfree's authorisation link to send the browser to.
 */
export async function startCashfreeConnect(admin: Admin, sessionId: string): Promise<StartResult> {
  const settings = oauthSettings();
  if (!settings) return { ok: false, outcome: "not_configured" };
  const state = randomBytes(32).toString("base64url");
  let url: string;
  try {
    url = await cashfree.partner.createAuthLink(settings, state);
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    logError("cashfree connect: auth link failed", error);
    return { ok: false, outcome: "unavailable" };
  }
  const db = await getDb();
  await queries.deleteStaleOAuthStates(db);
  await queries.insertOAuthState(db, {
    stateHash: hashState(state),
    adminUserId: admin.id,
    sessionId,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return { ok: true, url };
}

export const callbackQuerySchema = z.object({
  state: z.string().min(8).max(64).optional(),
  code: z.string().min(1).max(2048).optional(),
  merchant_id: z.string().max(128).optional(),
  scope: z.string().max(64).optional(),
  error: z.string().max(128).optional(),
});
export type CallbackQuery = z.infer<typeof callbackQuerySchema>;

/**
 * Cashfree's redirect back. The state must be one this owner's session asked for, unexpired and unused; it is
 * spent before anything else happens, so a replayed callback is refused. Only a successful code exchange writes
 * the connection; every failure leaves it as it was.
 */
export async function completeCashfreeConnect(
  admin: Admin,
  sessionId: string,
  query: CallbackQuery,
): Promise<ConnectOutcome> {
  const settings = oauthSettings();
  if (!settings) return "not_configured";
  if (!query.state) return "bad_state";
  const db = await getDb();
  const spent = await queries.consumeOAuthState(db, {
    stateHash: hashState(query.state),
    adminUserId: admin.id,
    sessionId,
  });
  if (!spent) return "bad_state";
  if (query.error || !query.code) return "denied";
  try {
    const tokens = await cashfree.partner.exchangeCode(settings, query.code);
    await queries.saveLinkedConnection(db, {
      ...storedTokens(settings, tokens),
      merchantId: tokens.merchantId,
      environment: settings.environment,
      connectedBy: admin.id,
    });
    return "connected";
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    logError("cashfree connect: code exchange failed", error);
    const refused = error instanceof CashfreeApiError && error.status >= 400 && error.status < 500;
    return refused && error.status !== 429 ? "code_refused" : "unavailable";
  }
}

/** "Disconnect": the tokens are revoked at Cashfree first; only then is the connection marked disconnected. */
export async function disconnectCashfree(admin: Admin): Promise<ConnectOutcome> {
  const settings = oauthSettings();
  if (!settings) return "not_configured";
  const db = await getDb();
  const row = await queries.getConnection(db);
  if (!row || row.status === "disconnected") return "disconnected";
  try {
    await cashfree.partner.revoke(settings, row.merchantId);
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    // A 4xx means the link is already gone at Cashfree; a refused partner key (401) or an outage is retried.
    const gone = error instanceof CashfreeApiError && error.status >= 400 && error.status < 500 && error.status !== 401;
    if (!gone) {
      logError("cashfree disconnect: revoke failed", error);
      return "unavailable";
    }
  }
  await queries.setConnectionStatus(db, "disconnected", `Disconnected by ${admin.email}.`);
  return "disconnected";
}

/**
 * merchant.unlinked: the merchant removed us in Cashfree. An owner's own disconnect stays a disconnect. Cashfree
 * retries a webhook for about 40 minutes (2, 10, 30 min), so an unlink missed during an outage can arrive after
 * the owner reconnected: an unlink older than the connection it would end is ignored and says so. Cashfree's
 * event_time has whole seconds, so it is compared with the second the connection was made in; an unlink in
 * that very second still applies (the safe side: at worst the owner connects once more, while an ignored real
 * unlink would leave the shop on dead tokens until a refresh is refused).
 * https://www.cashfree.com/docs/payments/online/webhooks/overview (retries)
 */
export async function markConnectionUnlinked(
  db: Database,
  event: { merchantId: string; eventTime: Date | null },
): Promise<{ outcome: "applied" | "unmatched" | "ignored"; note?: string }> {
  const row = await queries.getConnection(db, { lock: true });
  if (!row || row.merchantId !== event.merchantId || (row.status !== "linked" && row.status !== "broken"))
    return { outcome: "unmatched" };
  const connectedSecond = row.connectedAt && Math.floor(row.connectedAt.getTime() / 1000) * 1000;
  if (event.eventTime && connectedSecond && event.eventTime.getTime() < connectedSecond) {
    const note = `Stale: unlinked at ${event.eventTime.toISOString()}, before the current connection was made (${row.connectedAt!.toISOString()}).`;
    log.warn({ merchantId: event.merchantId }, `cashfree merchant.unlinked ignored. ${note}`);
    return { outcome: "ignored", note };
  }
  await queries.setConnectionStatus(
    db,
    "unlinked",
    "Cashfree reported that the account was unlinked from this shop.",
    ["linked", "broken"],
    event.merchantId,
  );
  return { outcome: "applied" };
}

export interface ConnectionView {
  oauthAvailable: boolean;
  mode: "oauth" | "keys";
  status: queries.ConnectionStatus | null;
  merchantId: string | null;
  environment: string;
  accessExpiresAt: Date | null;
  lastRefreshedAt: Date | null;
  connectedAt: Date | null;
  reason: string | null;
  /**
   * Which configured key opens the stored tokens: the newest, a previous one (sealed again with the newest at the
   * next refresh), or none (a key configuration error). Null without tokens.
   */
  tokenKeys: "newest" | "previous" | "none" | null;
}

function tokenKeysInUse(settings: OAuthSettings, row: queries.ConnectionRow): ConnectionView["tokenKeys"] {
  const ciphers = [row.accessTokenCipher, row.refreshTokenCipher].filter((cipher) => cipher !== null);
  if (ciphers.length === 0) return null;
  const opened = ciphers.map((cipher) => openToken(settings.encryptionKeys, cipher));
  if (opened.some((result) => result === null)) return "none";
  return opened.every((result) => result!.keyIndex === 0) ? "newest" : "previous";
}

/** For the settings page: which credential is in use, and the connection's state. No token ever leaves here. */
export async function getConnectionView(environment: string): Promise<ConnectionView> {
  const settings = oauthSettings();
  const row = settings ? await queries.getConnection(await getDb()) : undefined;
  const oauth = row !== undefined && row.status !== "disconnected";
  const keyProblem = settings && row?.status === "linked" ? tokenKeysProblem(settings, row) : null;
  return {
    oauthAvailable: settings !== null,
    mode: oauth ? "oauth" : "keys",
    status: row?.status ?? null,
    merchantId: row?.merchantId ?? null,
    environment: row?.environment ?? environment,
    accessExpiresAt: row?.status === "linked" ? row.accessExpiresAt : null,
    lastRefreshedAt: row?.lastRefreshedAt ?? null,
    connectedAt: row?.connectedAt ?? null,
    reason: keyProblem ?? row?.statusReason ?? null,
    tokenKeys: settings && row ? tokenKeysInUse(settings, row) : null,
  };
}

export const PAYMENTS_PAUSED_MESSAGE =
  "The shop is reconnecting its payment account, so payments are paused for a moment. Nothing was charged: please try again later.";

/**
 * OAuth mode with a broken or unlinked connection, or stored tokens this server's keys cannot open (the row is
 * kept as it is: putting the right key back resumes payments): no payment can start.
 */
export async function paymentsPaused(): Promise<{ status: PauseStatus; reason: string | null } | null> {
  const settings = oauthSettings();
  if (!settings) return null;
  const row = await queries.getConnection(await getDb());
  if (row?.status === "broken" || row?.status === "unlinked") return { status: row.status, reason: row.statusReason };
  const keyProblem = row?.status === "linked" ? tokenKeysProblem(settings, row) : null;
  return keyProblem ? { status: "token_keys", reason: keyProblem } : null;
}
