import { and, asc, count, eq, inArray, lt, notExists, sql } from "drizzle-orm";

import type { Database } from "../client";
import { adminUsers, loginThrottles, revokedSessions } from "../schema";
import type { Executor } from "./orders";

export type AdminUserRow = typeof adminUsers.$inferSelect;

export async function getAdminByEmail(db: Database, email: string) {
  const [row] = await db.select().from(adminUsers).where(eq(adminUsers.email, email));
  return row;
}

/** The admin behind a session, unless that session was signed out: one query, on every admin request. */
export async function getAdminForSession(db: Database, id: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(adminUsers)
    .where(
      and(
        eq(adminUsers.id, id),
        notExists(db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId))),
      ),
    );
  return row;
}

/** Ends a session for good; expired revocations are pruned on the way (their cookies have expired too). */
export async function revokeSession(db: Database, sessionId: string, expiresAt: Date) {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
}

export async function insertAdmin(db: Database, user: typeof adminUsers.$inferInsert) {
  const [row] = await db.insert(adminUsers).values(user).onConflictDoNothing({ target: adminUsers.email }).returning();
  return row;
}

export async function updateAdminPassword(db: Database, email: string, passwordHash: string) {
  await db.update(adminUsers).set({ passwordHash }).where(eq(adminUsers.email, email));
}

export async function countAdmins(db: Database) {
  const [row] = await db.select({ n: count() }).from(adminUsers);
  return row?.n ?? 0;
}

/** Creates any missing throttle rows and locks them all, in key order so two attempts never deadlock. */
export async function lockLoginThrottles(tx: Executor, keys: string[]) {
  await tx
    .insert(loginThrottles)
    .values(keys.map((key) => ({ key })))
    .onConflictDoNothing();
  return tx
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys))
    .orderBy(asc(loginThrottles.key))
    .for("update");
}

export async function setLoginThrottle(tx: Executor, key: string, failures: number) {
  await tx.update(loginThrottles).set({ failures, lastFailureAt: new Date() }).where(eq(loginThrottles.key, key));
}

/** Undoes one counted attempt (a sign-in that turned out to be right), without touching its back-off clock. */
export async function forgiveLoginAttempt(db: Executor, key: string) {
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, key));
}

export async function deleteLoginThrottle(db: Executor, key: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}
