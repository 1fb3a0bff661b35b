import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/admin-users";

import { DUMMY_HASH, verifyPassword } from "./password";

export type AdminRole = "owner" | "staff";

export interface Admin {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  refundLimitPaise: number | null;
}

/** Sign-in throttling: per account and per IP address, over a sliding window. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type CheckCredentialsResult = { ok: true; admin: Admin } | { ok: false; reason: "invalid" | "rate_limited" };

const toAdmin = (row: queries.AdminUserRow): Admin => ({ id: row.id, email: row.email, name: row.name, role: row.role, refundLimitPaise: row.refundLimitPaise });

export async function checkCredentials(email: string, password: string, ip: string | null): Promise<CheckCredentialsResult> {
  const db = await getDb();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    queries.countFailedLogins(db, since, { email }),
    ip ? queries.countFailedLogins(db, since, { ip }) : Promise.resolve(0),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) return { ok: false, reason: "rate_limited" };

  const user = await queries.getAdminByEmail(db, email);
  // Verify even without an account, so response time does not reveal which emails exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabledAt) {
    await queries.recordFailedLogin(db, email, ip);
    return { ok: false, reason: "invalid" };
  }
  await queries.clearFailedLogins(db, email);
  return { ok: true, admin: toAdmin(user) };
}

/** The admin as the database has them now: a disabled account or a changed role applies at once. */
export async function loadAdmin(id: string): Promise<Admin | null> {
  const row = await queries.getAdminById(await getDb(), id);
  return row && !row.disabledAt ? toAdmin(row) : null;
}
