import { and, count, eq, gte } from "drizzle-orm";

import type { Database } from "../client";
import { adminUsers, loginAttempts } from "../schema";

export type AdminUserRow = typeof adminUsers.$inferSelect;

export async function getAdminByEmail(db: Database, email: string) {
  const [row] = await db.select().from(adminUsers).where(eq(adminUsers.email, email));
  return row;
}

export async function getAdminById(db: Database, id: string) {
  const [row] = await db.select().from(adminUsers).where(eq(adminUsers.id, id));
  return row;
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

export async function countFailedLogins(db: Database, since: Date, by: { email?: string; ip?: string }) {
  const filter = by.email ? eq(loginAttempts.email, by.email) : eq(loginAttempts.ip, by.ip ?? "");
  const [row] = await db.select({ n: count() }).from(loginAttempts).where(and(filter, gte(loginAttempts.createdAt, since)));
  return row?.n ?? 0;
}

export async function recordFailedLogin(db: Database, email: string, ip: string | null) {
  await db.insert(loginAttempts).values({ email, ip });
}

export async function clearFailedLogins(db: Database, email: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}
