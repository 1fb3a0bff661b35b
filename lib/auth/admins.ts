import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-users";

import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password";
import { beginSignInAttempt, type SignInLimit, signInSucceeded } from "./throttle";

export type AdminRole = "owner" | "staff";

export interface Admin {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  refundLimitPaise: number | null;
}

export type CheckCredentialsResult =
  | { ok: true; admin: Admin }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number; refusedBy: SignInLimit };

const toAdmin = (row: queries.AdminUserRow): Admin => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  refundLimitPaise: row.refundLimitPaise,
});

export async function checkCredentials(
  email: string,
  password: string,
  address: string | null,
): Promise<CheckCredentialsResult> {
  const throttle = await beginSignInAttempt(email, address);
  if (!throttle.allowed) {
    const { retryAfterSeconds, refusedBy } = throttle;
    return { ok: false, reason: "rate_limited", retryAfterSeconds, refusedBy };
  }

  const db = await getDb();
  const user = await queries.getAdminByEmail(db, email);
  // Verify even without an account, so response time does not reveal which emails exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: "invalid" };
  await signInSucceeded(email, address);
  // Hashes made with an older, cheaper cost are upgraded now, while the password is at hand.
  if (needsRehash(user.passwordHash)) await queries.updateAdminPassword(db, email, await hashPassword(password));
  return { ok: true, admin: toAdmin(user) };
}

/**
 * The admin behind a session as the database has them now: a disabled account, a changed role or a signed-out
 * session applies at once.
 */
export async function loadSessionAdmin(id: string, sessionId: string): Promise<Admin | null> {
  const row = await queries.getAdminForSession(await getDb(), id, sessionId);
  return row && !row.disabledAt ? toAdmin(row) : null;
}

/** Signing out ends the session on the server too: its cookie is refused from now on, wherever it was copied. */
export async function endSession(sessionId: string, expiresAt: Date) {
  await queries.revokeSession(await getDb(), sessionId, expiresAt);
}
