import "server-only";

import { revalidatePath } from "next/cache";

import { getDb } from "@/db";
import * as queries from "@/db/queries/policies";
import { seedPolicies } from "@/db/seed-data";

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

export async function savePolicy(slug: PolicySlug, page: { title: string; body: string }, by: string) {
  await queries.savePolicyPage(await getDb(), { slug, ...page, updatedBy: by });
  try {
    revalidatePath(`/policies/${slug}`);
  } catch {
    // not in a request
  }
}
