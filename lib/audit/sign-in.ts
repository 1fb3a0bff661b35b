import "server-only";

import { getDb } from "@/db";
import { getAdminByEmail } from "@/db/queries/admin-users";
import { countRefusedSignIn, moveRefusedSignInsToAudit } from "@/db/queries/audit";
import { logError } from "@/lib/log";

import { recordAuditSafely } from "./record";
import { requestContext } from "./request";

// Sign-in and sign-out rows. Attempts are recorded whoever makes them (that is their point): the e-mail as typed
// (never the password), and where from. A failed attempt names no admin id: someone only claimed to be them.

const claimedEmail = (raw: unknown) => {
  const email = (raw as { email?: unknown } | null)?.email;
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase().slice(0, 200) : null;
};

/** next-auth's CredentialsSignin (and subclasses such as the throttle's), known by the type Auth.js gives it. */
const isCredentialsSignin = (error: unknown): error is { code?: string; refusedBy?: string } =>
  (error as { type?: unknown } | null)?.type === "CredentialsSignin";

/**
 * Refused sign-ins are counted, not written one by one: each window of this many minutes gives one row per
 * reason, limit and whom it limits, with how many attempts it refused (db/schema/audit.ts: refused_sign_in_counts).
 * Anyone can send refused attempts as fast as they like; the log must not grow with them.
 */
const REFUSED_WINDOW_MS = 15 * 60_000;

/**
 * Counts a refusal under whom its limit counts: an address guessing many accounts is one row, not one per
 * e-mail; an account guessed from many addresses is one row, not one per address.
 */
async function countRefusal(reason: string, refusedBy: string, email: string | null) {
  try {
    const { ipAddress } = await requestContext();
    const address = refusedBy === "signInPerAccount" ? null : ipAddress;
    const actorEmail = refusedBy === "signInPerAddress" ? null : email;
    const windowStart = Math.floor(Date.now() / REFUSED_WINDOW_MS) * REFUSED_WINDOW_MS;
    const db = await getDb();
    await countRefusedSignIn(db, {
      windowStart: new Date(windowStart),
      reason,
      refusedBy,
      subject: `${actorEmail ?? ""}|${address ?? ""}`,
      actorEmail,
      ipAddress: address,
    });
    // Windows that have closed go into the log now; reading the log moves the open ones too (lib/audit/read.ts).
    await moveRefusedSignInsToAudit(db, new Date(windowStart));
  } catch (error) {
    logError(`audit: could not count a refused sign-in (${reason})`, error);
  }
}

/**
 * Wraps the credentials provider's `authorize`: no user is a failed attempt; a CredentialsSignin thrown (the
 * throttle's refusal) is a refused one, with its code, counted per window (countRefusal); the answer itself is
 * passed on unchanged.
 */
export function auditedAuthorize<C, U>(authorize: (credentials: C, request: Request) => Promise<U | null>) {
  return async (credentials: C, request: Request): Promise<U | null> => {
    const email = claimedEmail(credentials);
    const attempt = (outcome: "failed" | "refused", detail: Record<string, unknown>) =>
      recordAuditSafely({
        action: "auth.sign_in",
        outcome,
        actor: email ? { id: null, email } : null,
        detail: { provider: "credentials", ...detail },
      });
    try {
      const user = await authorize(credentials, request);
      if (!user) await attempt("failed", { reason: "invalid_credentials" });
      return user;
    } catch (error) {
      if (isCredentialsSignin(error))
        await countRefusal(error.code ?? "refused", error.refusedBy ?? "signInPerAccountAddress", email);
      else await attempt("failed", { reason: "error" });
      throw error;
    }
  };
}

/** next-auth's signIn event: any provider, once the session is made. */
export async function recordSignIn(user: { id?: string; email?: string | null }, provider: string) {
  const email = user.email?.toLowerCase() ?? null;
  const adminId =
    provider === "credentials" ? user.id : email ? (await getAdminByEmail(await getDb(), email))?.id : undefined;
  await recordAuditSafely({
    action: "auth.sign_in",
    outcome: "ok",
    actor: { id: adminId ?? null, email },
    detail: { provider },
  });
}

/** An OAuth sign-in for an e-mail with no (enabled) admin account. */
export async function recordOAuthSignInRefused(email: string | null | undefined, provider: string) {
  await recordAuditSafely({
    action: "auth.sign_in",
    outcome: "failed",
    actor: email ? { id: null, email: email.toLowerCase() } : null,
    detail: { provider, reason: "no_admin_account" },
  });
}

export async function recordSignOut(token: { adminId?: unknown; email?: unknown } | null | undefined) {
  if (typeof token?.adminId !== "string") return;
  const email = typeof token.email === "string" ? token.email : null;
  await recordAuditSafely({ action: "auth.sign_out", outcome: "ok", actor: { id: token.adminId, email } });
}
