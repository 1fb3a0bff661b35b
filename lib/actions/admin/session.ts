"use server";

import { AuthError } from "next-auth";
import { z } from "zod";

import { shopAction } from "@/lib/actions/client";
import { fail, ok, type Result } from "@/lib/actions/result";
import { signIn, signOut } from "@/lib/auth";
import { env } from "@/lib/env";

export type SignInState = Result | null;

const credentials = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });

function tooManyAttempts(retryAfterSeconds = 60) {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed attempts. Please wait ${wait} and try again.`;
}

const signInWithPassword = shopAction(
  credentials,
  async (data) => {
    try {
      // Success throws NEXT_REDIRECT, which the action client passes through.
      await signIn("credentials", { ...data, redirectTo: "/admin" });
      return ok("Signed in.");
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const { code, retryAfterSeconds } = error as AuthError & { code?: string; retryAfterSeconds?: number };
      return fail(
        code === "rate_limited"
          ? tooManyAttempts(retryAfterSeconds)
          : "That email and password do not match an account.",
      );
    }
  },
  { invalidMessage: "Enter your email and password." },
);

/** The sign-in form's action (useActionState passes the previous state first). */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  return signInWithPassword({
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  });
}

const oauthProvider = z.enum(["github", "google"]);

/**
 * "Continue with GitHub/Google": only providers switched on by env; next-auth then checks the admin account. A
 * plain form action (it only redirects), like signing out, so it answers with no Result.
 */
export async function oauthSignInAction(provider: string) {
  const parsed = oauthProvider.safeParse(provider);
  if (!parsed.success || !env.oauth[parsed.data]) return;
  await signIn(parsed.data, { redirectTo: "/admin" });
}

/** The console's "Sign out" (a plain form action; next-auth's signOut event writes the audit row). */
export async function signOutAction() {
  await signOut({ redirectTo: "/admin/sign-in" });
}
