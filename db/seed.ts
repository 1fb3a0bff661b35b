import { count } from "drizzle-orm";

import type { Database } from "./client";
import { countAdmins, insertAdmin } from "./queries/admin-users";
import { insertProductImages } from "./queries/product-images";
import { policyPages, products, storeSettings } from "./schema";
import { devAdminAccounts, productImagePath, seedPolicies, seedProducts } from "./seed-data";

const DEFAULT_SETTINGS: Record<string, unknown> = {
  checkout_variant: "redirect",
  auto_refund_late_payments: false,
};

/** Inserts the demo catalog and default settings; rows that exist are left alone, so a re-run changes nothing. */
export async function seedCatalog(db: Database) {
  const inserted = await db
    .insert(products)
    .values(seedProducts.map((p) => ({ ...p, featured: p.featured ?? false, imagePath: productImagePath(p.slug) })))
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id, imagePath: products.imagePath, name: products.name });
  await insertProductImages(
    db,
    inserted.map((product) => ({ productId: product.id, path: product.imagePath, alt: product.name, position: 0 })),
  );
  await db
    .insert(storeSettings)
    .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
    .onConflictDoNothing({ target: storeSettings.key });
  await db
    .insert(policyPages)
    .values(seedPolicies.map((page) => ({ ...page })))
    .onConflictDoNothing({ target: policyPages.slug });
  return { productsInserted: inserted.length };
}

/** The local owner and staff accounts the README names. Only for databases with no admin yet. */
export async function seedDevAdmins(db: Database) {
  if ((await countAdmins(db)) > 0) return 0;
  for (const account of devAdminAccounts) await insertAdmin(db, account);
  return devAdminAccounts.length;
}

/** First start of the embedded database: the demo catalog, and the local admin accounts unless told not to. */
export async function seedIfEmpty(db: Database, options: { devAdmins: boolean }) {
  const [row] = await db.select({ n: count() }).from(products);
  if (row && row.n > 0) return { productsInserted: 0 };
  if (options.devAdmins) await seedDevAdmins(db);
  return seedCatalog(db);
}
