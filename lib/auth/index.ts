import "server-only";

import { randomUUID } from "node:crypto";

import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { z } from "zod";

import { getDb } from "@/db";
import { getAdminByEmail } from "@/db/queries/admin-users";
import { auditedAuthorize, recordOAuthSignInRefused, recordSignIn, recordSignOut } from "@/lib/audit/sign-in";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

import { checkCredentials, endSession } from "./admins";
import { isDevAdminCredential } from "./dev-admin";
import { beginUncheckedAttempt, type SignInLimit } from "./throttle";

/** The throttle's refusal; `refusedBy` names the limit, which the audit log counts refusals under. */
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly retryAfterSeconds: number,
    readonly refusedBy: SignInLimit,
  ) {
    super();
  }
}

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

const oauthProviders = [
  env.oauth.github && GitHub({ clientId: env.oauth.github.clientId, clientSecret: env.oauth.github.clientSecret }),
  env.oauth.google && Google({ clientId: env.oauth.google.clientId, clientSecret: env.oauth.google.clientSecret }),
].filter((provider) => !!provider);

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.authSecret,
  trustHost: true,
  logger: {
    // A wrong password is an expected answer, not a server error: keep it out of the error log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logError("auth", error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/admin/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: auditedAuthorize(async (raw, request) => {
        const address = clientAddress(request.headers, env.trustedProxyHops);
        const parsed = credentialsSchema.safeParse(raw);
        // The seeded local accounts must never work on a deployment reachable from the internet or taking live payments.
        const devAdminRefused =
          parsed.success &&
          (env.isPublicDeployment || env.livePayments) &&
          isDevAdminCredential(parsed.data.email, parsed.data.password);
        if (!parsed.success || devAdminRefused) {
          const throttle = await beginUncheckedAttempt(address);
          if (!throttle.allowed) throw new RateLimited(throttle.retryAfterSeconds, throttle.refusedBy);
          return null;
        }
        const { email, password } = parsed.data;
        const result = await checkCredentials(email, password, address);
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new RateLimited(result.retryAfterSeconds, result.refusedBy);
          return null;
        }
        return { id: result.admin.id, email: result.admin.email, name: result.admin.name };
      }),
    }),
    ...oauthProviders,
  ],
  callbacks: {
    // OAuth sign-in is only for people who already have an admin account with that email.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const admin = user.email ? await getAdminByEmail(await getDb(), user.email.toLowerCase()) : undefined;
      if (!admin || admin.disabledAt) await recordOAuthSignInRefused(user.email, account?.provider ?? "oauth");
      return !!admin && !admin.disabledAt;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const admin =
          account.provider === "credentials"
            ? { id: user.id }
            : await getAdminByEmail(await getDb(), (user.email ?? "").toLowerCase());
        token.adminId = admin?.id;
        // Names this session, so signing out can revoke it (a JWT alone stays valid until it expires).
        token.sessionId = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const text = (value: unknown) => (typeof value === "string" ? value : undefined);
      return { ...session, adminId: text(token.adminId), sessionId: text(token.sessionId) };
    },
  },
  events: {
    async signIn({ user, account }) {
      await recordSignIn(user, account?.provider ?? "unknown");
    },
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      await recordSignOut(token);
      if (typeof token?.sessionId !== "string") return;
      const expiresAt =
        typeof token.exp === "number"
          ? new Date(token.exp * 1000)
          : new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
      await endSession(token.sessionId, expiresAt);
    },
  },
});
