import "server-only";

import type { z } from "zod";

import type { Admin, AdminRole } from "@/lib/auth/admins";
import { AdminAuthError, requireAdmin } from "@/lib/auth/session";
import { logError } from "@/lib/log";

export type AdminActionResult<T = undefined> = { ok: true; message: string; data?: T } | { ok: false; error: string };

/**
 * The shape of every admin server action: check the session and role here (never only in a proxy), validate the
 * input with zod, then run. Unexpected errors are logged and answered with a generic message, never a stack.
 */
export async function guardedAdminAction<S extends z.ZodType, T>(
  role: AdminRole,
  schema: S,
  input: unknown,
  run: (admin: Admin, data: z.output<S>) => Promise<AdminActionResult<T>>,
): Promise<AdminActionResult<T>> {
  let admin: Admin;
  try {
    admin = await requireAdmin(role);
  } catch (error) {
    if (error instanceof AdminAuthError) return { ok: false, error: error.message };
    throw error;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  try {
    return await run(admin, parsed.data);
  } catch (error) {
    logError("admin action failed", error);
    return { ok: false, error: "Something went wrong. Nothing was changed; please try again." };
  }
}
