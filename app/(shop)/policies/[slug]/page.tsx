import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PolicyMarkdown } from "@/components/policy/policy-markdown";
import { getPolicy, POLICY_SLUGS, type PolicySlug } from "@/lib/policies";

type Props = { params: Promise<{ slug: string }> };

// Edits show at once: the owner's save revalidates the page; read per request.
export const dynamic = "force-dynamic";

const known = (slug: string): slug is PolicySlug => (POLICY_SLUGS as readonly string[]).includes(slug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return known(slug) ? { title: (await getPolicy(slug)).title } : { title: "Not found" };
}

export default async function PolicyPage({ params }: Props) {
  const { slug } = await params;
  if (!known(slug)) notFound();
  const policy = await getPolicy(slug);
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold">{policy.title}</h1>
      <PolicyMarkdown source={policy.body} />
    </article>
  );
}
