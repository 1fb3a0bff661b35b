"use server";

import { AuthError } from "next-auth";
import { z } from "zod";

import { signIn } from "@/lib/auth";
import { env } from "@/lib/env";

export interface SignInState {
  error?: string;
  email?: string;
}

const schema = z.object({ email: z.string().trim().max(200), password: z.string().max(200) });

function tooManyAttempts(retryAfterSeconds = 60) {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed attempts. Please wait ${wait} and try again.`;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = schema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { error: "Enter your email and password." };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/admin" });
    return {};
  } catch (error) {
    // Success throws NEXT_REDIRECT, which must propagate; only sign-in failures are answered here.
    if (!(error instanceof AuthError)) throw error;
    const { code, retryAfterSeconds } = error as AuthError & { code?: string; retryAfterSeconds?: number };
    return {
      email: parsed.data.email,
      error: code === "rate_limited" ? tooManyAttempts(retryAfterSeconds) : "That email and password do not match an account.",
    };
  }
}

const oauthProvider = z.enum(["github", "google"]);

/** "Continue with GitHub/Google": only providers switched on by env; next-auth then checks the admin account. */
export async function oauthSignInAction(provider: string) {
  const parsed = oauthProvider.safeParse(provider);
  if (!parsed.success || !env.oauth[parsed.data]) return;
  await signIn(parsed.data, { redirectTo: "/admin" });
}
