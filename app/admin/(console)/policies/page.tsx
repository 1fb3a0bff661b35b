import type { Metadata } from "next";
import Link from "next/link";

import { PolicyForm } from "@/components/admin/policy-form";
import { requireAdminPage } from "@/lib/auth/session";
import { listPolicies } from "@/lib/policies";

export const metadata: Metadata = { title: "Policies · Admin" };

export default async function PoliciesPage() {
  await requireAdminPage("owner");
  const policies = await listPolicies();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Policy pages</h1>
      <p className="text-sm text-stone-600">
        Shown in the shop&apos;s footer and at checkout. Cashfree looks for them before it activates your account. Write
        Markdown; HTML is shown as text.
      </p>
      {policies.map((policy) => (
        <section
          key={policy.slug}
          aria-label={policy.title}
          className="space-y-2 rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 className="font-semibold">
            <Link href={`/policies/${policy.slug}`} className="text-brand-700 underline">
              /policies/{policy.slug}
            </Link>
          </h2>
          <PolicyForm slug={policy.slug} title={policy.title} body={policy.body} />
        </section>
      ))}
    </div>
  );
}
