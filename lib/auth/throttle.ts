import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-users";

/**
 * Sign-in throttling by (account, address) and by address, with exponential back-off instead of a hard lock:
 * someone guessing the owner's password from one address slows down only that pair, never the owner signing in
 * from elsewhere. Every attempt is counted, under the rows' lock, before its password is checked.
 */
export const FREE_FAILURES = { account: 5, address: 20 } as const;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 15 * 60_000;
/** A key with no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 60 * 60_000;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function backoffMs(failures: number, free: number) {
  if (failures < free) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - free));
}

const keysFor = (email: string, address: string | null) => {
  const addr = address ?? "unknown";
  return { account: `acct:${email}|${addr}`, address: `addr:${addr}` };
};

/** Counts an attempt before its password is checked, or refuses it while a back-off runs. */
export async function beginSignInAttempt(
  email: string,
  address: string | null,
  now = new Date(),
): Promise<ThrottleDecision> {
  const keys = keysFor(email, address);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await queries.lockLoginThrottles(tx, [keys.account, keys.address]);
    let waitMs = 0;
    const failuresByKey = new Map<string, number>();
    for (const row of rows) {
      const idle = now.getTime() - row.lastFailureAt.getTime();
      const failures = idle > FORGET_AFTER_MS ? 0 : row.failures;
      const free = row.key === keys.account ? FREE_FAILURES.account : FREE_FAILURES.address;
      const backoff = backoffMs(failures, free);
      if (backoff > 0) waitMs = Math.max(waitMs, backoff - idle);
      failuresByKey.set(row.key, failures);
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const [key, failures] of failuresByKey) await queries.setLoginThrottle(tx, key, failures + 1);
    return { allowed: true };
  });
}

/** A right password clears the pair and gives back the address's counted attempt. */
export async function signInSucceeded(email: string, address: string | null) {
  const keys = keysFor(email, address);
  const db = await getDb();
  await queries.deleteLoginThrottle(db, keys.account);
  await queries.forgiveLoginAttempt(db, keys.address);
}
