"use server";

import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { ok } from "@/lib/actions/result";
import { POLICY_SLUGS, savePolicy } from "@/lib/policies";

const policySchema = z.object({
  slug: z.enum(POLICY_SLUGS, "Unknown policy."),
  title: z.string().trim().min(3, "Give the page a title.").max(120),
  body: z
    .string()
    .trim()
    .min(20, "Write the policy (at least a sentence).")
    .max(20_000, "Keep the policy under 20,000 characters."),
});

/** Owner only: the policy pages the shop shows (and Cashfree checks before activation). */
export const savePolicyAction = adminAction("owner", "policy.update", policySchema, async (data, admin, audit) => {
  await savePolicy(data.slug, { title: data.title, body: data.body }, admin.email, audit);
  return ok(`${data.title} saved.`);
});
