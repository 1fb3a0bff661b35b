import "server-only";

import { redirect } from "next/navigation";

import { auth } from "./index";
import { type Admin, type AdminRole, loadSessionAdmin } from "./admins";

export class AdminAuthError extends Error {
  /** `admin`: who was refused, for the audit log (a forbidden admin is known; a stranger is not). */
  constructor(
    readonly reason: "unauthenticated" | "forbidden",
    readonly admin?: Admin,
  ) {
    super(reason === "unauthenticated" ? "Please sign in." : "You do not have permission to do that.");
  }
}

const RANK: Record<AdminRole, number> = { staff: 1, owner: 2 };

/** The signed-in admin, re-read from the database on every call (a revoked role applies at once), or null. */
export async function currentAdmin(): Promise<Admin | null> {
  const session = (await auth()) as { adminId?: string; sessionId?: string } | null;
  // A cookie from before sessions had ids cannot be revoked, so it is not accepted either.
  return session?.adminId && session.sessionId ? loadSessionAdmin(session.adminId, session.sessionId) : null;
}

/** The signed-in admin with the id of their session (the token id that sign-out revokes), or null. */
export async function currentAdminSession(): Promise<{ admin: Admin; sessionId: string } | null> {
  const session = (await auth()) as { adminId?: string; sessionId?: string } | null;
  if (!session?.adminId || !session.sessionId) return null;
  const admin = await loadSessionAdmin(session.adminId, session.sessionId);
  return admin ? { admin, sessionId: session.sessionId } : null;
}

/** For server actions and route handlers: every admin entry point checks for itself, never relying on a proxy. */
export async function requireAdmin(role: AdminRole = "staff"): Promise<Admin> {
  const admin = await currentAdmin();
  if (!admin) throw new AdminAuthError("unauthenticated");
  if (RANK[admin.role] < RANK[role]) throw new AdminAuthError("forbidden", admin);
  return admin;
}

/** For admin pages: sends strangers to the sign-in page. */
export async function requireAdminPage(role: AdminRole = "staff"): Promise<Admin> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/sign-in");
  if (RANK[admin.role] < RANK[role]) redirect("/admin?denied=1");
  return admin;
}
