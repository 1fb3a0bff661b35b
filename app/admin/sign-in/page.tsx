import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/admin/sign-in-form";
import { oauthSignInAction } from "@/lib/actions/admin/session";
import { currentAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";

const OAUTH_NAMES = { github: "GitHub", google: "Google" } as const;

export const metadata: Metadata = { title: "Merchant sign-in", robots: { index: false } };

export default async function SignInPage() {
  if (await currentAdmin()) redirect("/admin");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Merchant sign-in</h1>
        <p className="mt-1 text-sm text-stone-600">Orders, payments, refunds and stock for Kaveri &amp; Co.</p>
      </div>
      <SignInForm />
      {(["github", "google"] as const)
        .filter((provider) => env.oauth[provider])
        .map((provider) => (
          <form key={provider} action={oauthSignInAction.bind(null, provider)}>
            <button
              type="submit"
              className="w-full rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
            >
              Continue with {OAUTH_NAMES[provider]}
            </button>
          </form>
        ))}
      {!env.isPublicDeployment && (
        <p className="rounded-lg bg-stone-100 p-3 text-xs text-stone-700">
          Local development: sign in as <code>owner@kaveri.local</code> / <code>kaveri-local-owner</code> (or
          staff@kaveri.local / kaveri-local-staff).
        </p>
      )}
    </div>
  );
}
