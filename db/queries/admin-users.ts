import { and, count, eq, lt, notExists } from "drizzle-orm";

import type { Database } from "../client";
import { adminUsers, revokedSessions } from "../schema";

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
