import "server-only";

import { revalidatePath } from "next/cache";

import { getDb } from "@/db";
import * as queries from "@/db/queries/policies";
import { seedPolicies } from "@/db/seed-data";
import type { Audit } from "@/lib/audit/record";

/** The policy pages every shop needs (Cashfree checks them before activating an account), in footer order. */
export const POLICY_SLUGS = ["terms", "privacy", "refunds", "shipping", "contact"] as const;
export type PolicySlug = (typeof POLICY_SLUGS)[number];

const defaults = new Map<string, { title: string; body: string }>(seedPolicies.map((page) => [page.slug, page]));

/** A policy as the owner last saved it, or the seeded text for a database from before policies existed. */
export async function getPolicy(slug: PolicySlug) {
  const saved = await queries.getPolicyPage(await getDb(), slug);
  return { ...(saved ?? { ...defaults.get(slug)!, updatedAt: null, updatedBy: null }), slug };
}

export async function listPolicies() {
  return Promise.all(POLICY_SLUGS.map((slug) => getPolicy(slug)));
}

/** Saves a policy page with its audit row (the text before and after) in one transaction. */
export async function savePolicy(slug: PolicySlug, page: { title: string; body: string }, by: string, audit?: Audit) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const saved = await queries.getPolicyPage(tx, slug);
    const before = saved ?? defaults.get(slug)!;
    await queries.savePolicyPage(tx, { slug, ...page, updatedBy: by });
    await audit?.writeIn(tx, {
      target: { type: "policy", id: slug },
      before: { title: before.title, body: before.body },
      after: page,
    });
  });
  try {
    revalidatePath(`/policies/${slug}`);
  } catch {
    // not in a request
  }
}
