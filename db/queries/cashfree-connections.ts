import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";

import type { Database } from "../client";
import { cashfreeConnections, oauthStates } from "../schema";

export type ConnectionStatus = "linked" | "broken" | "unlinked" | "disconnected";

export interface ConnectionRow {
  merchantId: string;
  environment: string;
  status: ConnectionStatus;
  statusReason: string | null;
  accessTokenCipher: string | null;
  refreshTokenCipher: string | null;
  accessExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
  tokenGeneration: number;
  connectedAt: Date | null;
  lastRefreshedAt: Date | null;
  updatedAt: Date;
}

const ID = "primary";
const columns = {
  merchantId: cashfreeConnections.merchantId,
  environment: cashfreeConnections.environment,
  status: cashfreeConnections.status,
  statusReason: cashfreeConnections.statusReason,
  accessTokenCipher: cashfreeConnections.accessTokenCipher,
  refreshTokenCipher: cashfreeConnections.refreshTokenCipher,
  accessExpiresAt: cashfreeConnections.accessExpiresAt,
  refreshExpiresAt: cashfreeConnections.refreshExpiresAt,
  tokenGeneration: cashfreeConnections.tokenGeneration,
  connectedAt: cashfreeConnections.connectedAt,
  lastRefreshedAt: cashfreeConnections.lastRefreshedAt,
  updatedAt: cashfreeConnections.updatedAt,
};

/** The shop's connection, `lock` holding its row (FOR UPDATE) until the transaction ends. */
export async function getConnection(db: Database, options: { lock?: boolean } = {}) {
  const query = db.select(columns).from(cashfreeConnections).where(eq(cashfreeConnections.id, ID));
  const [row] = await (options.lock ? query.for("update") : query);
  return row as ConnectionRow | undefined;
}

export interface StoredTokens {
  accessTokenCipher: string;
  refreshTokenCipher: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** A fresh link (connect or reconnect): new tokens, status linked, a new generation. */
export async function saveLinkedConnection(
  db: Database,
  link: StoredTokens & { merchantId: string; environment: string; connectedBy: string },
) {
  const now = new Date();
  const values = { ...link, status: "linked", statusReason: null, connectedAt: now, updatedAt: now };
  await db
    .insert(cashfreeConnections)
    .values({ id: ID, ...values, tokenGeneration: 1 })
    .onConflictDoUpdate({
      target: cashfreeConnections.id,
      set: { ...values, tokenGeneration: sql`${cashfreeConnections.tokenGeneration} + 1`, lastRefreshedAt: null },
    });
}

/** A rotation, only if nobody rotated since `generation` was read. Answers whether it was written. */
export async function saveRotatedTokens(db: Database, generation: number, tokens: StoredTokens) {
  const now = new Date();
  const rows = await db
    .update(cashfreeConnections)
    .set({ ...tokens, tokenGeneration: generation + 1, lastRefreshedAt: now, updatedAt: now })
    .where(and(eq(cashfreeConnections.id, ID), eq(cashfreeConnections.tokenGeneration, generation)))
    .returning({ id: cashfreeConnections.id });
  return rows.length === 1;
}

/**
 * Broken, unlinked or disconnected: the tokens are dropped (they no longer work, and a spent refresh token is
 * never sent again). `onlyFrom` limits which statuses may change (an unlink does not undo a disconnect).
 */
export async function setConnectionStatus(
  db: Database,
  status: Exclude<ConnectionStatus, "linked">,
  reason: string,
  onlyFrom: ConnectionStatus[] = ["linked", "broken", "unlinked", "disconnected"],
  merchantId?: string,
) {
  const rows = await db
    .update(cashfreeConnections)
    .set({
      status,
      statusReason: reason,
      accessTokenCipher: null,
      refreshTokenCipher: null,
      updatedAt: new Date(),
      tokenGeneration: sql`${cashfreeConnections.tokenGeneration} + 1`,
    })
    .where(
      and(
        eq(cashfreeConnections.id, ID),
        inArray(cashfreeConnections.status, onlyFrom),
        merchantId ? eq(cashfreeConnections.merchantId, merchantId) : undefined,
      ),
    )
    .returning({ id: cashfreeConnections.id });
  return rows.length === 1;
}

export async function insertOAuthState(
  db: Database,
  state: { stateHash: string; adminUserId: string; sessionId: string; expiresAt: Date },
) {
  await db.insert(oauthStates).values(state);
}

/**
 * Spends a state: only an unused, unexpired one of this admin's session, and only once (a replay finds it used).
 * Answers whether it was spent now.
 */
export async function consumeOAuthState(
  db: Database,
  state: { stateHash: string; adminUserId: string; sessionId: string },
) {
  const now = new Date();
  const rows = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(
      and(
        eq(oauthStates.stateHash, state.stateHash),
        eq(oauthStates.adminUserId, state.adminUserId),
        eq(oauthStates.sessionId, state.sessionId),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, now),
      ),
    )
    .returning({ stateHash: oauthStates.stateHash });
  return rows.length === 1;
}

/** States older than a day are of no use to anyone. */
export async function deleteStaleOAuthStates(db: Database) {
  await db.delete(oauthStates).where(sql`${oauthStates.createdAt} < now() - interval '1 day'`);
}
