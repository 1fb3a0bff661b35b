import { eq } from "drizzle-orm";

import type { Database } from "../client";
import { policyPages } from "../schema";

export async function getPolicyPage(db: Database, slug: string) {
  const [row] = await db.select().from(policyPages).where(eq(policyPages.slug, slug));
  return row;
}

export async function savePolicyPage(
  db: Database,
  page: { slug: string; title: string; body: string; updatedBy: string },
) {
  await db
    .insert(policyPages)
    .values({ ...page, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: policyPages.slug,
      set: { title: page.title, body: page.body, updatedBy: page.updatedBy, updatedAt: new Date() },
    });
}
