import { count } from "drizzle-orm";

import type { Database } from "./client";
import { countAdmins, insertAdmin } from "./queries/admin-users";
import { insertProductImages } from "./queries/product-images";
import { policyPages, products, productVariants, storeSettings } from "./schema";
import {
  devAdminAccounts,
  productImagePath,
  seedDeclarations,
  seedPolicies,
  seedProducts,
  seedVariantsOf,
} from "./seed-data";

const DEFAULT_SETTINGS: Record<string, unknown> = {
  checkout_variant: "redirect",
  auto_refund_late_payments: false,
};

/** Inserts the demo catalog and default settings; rows that exist are left alone, so a re-run changes nothing. */
export async function seedCatalog(db: Database) {
  const inserted = await db
    .insert(products)
    .values(
      seedProducts.map((p) => ({
        slug: p.slug,
        name: p.name,
        description: p.description,
        category: p.category,
        hsnCode: p.hsnCode,
        gstRateBps: p.gstRateBps,
        featured: p.featured ?? false,
        options: "options" in p ? p.options : [],
        imagePath: productImagePath(p.slug),
        ...declarationsOf(p.slug),
      })),
    )
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id, slug: products.slug, imagePath: products.imagePath, name: products.name });
  for (const product of inserted) await seedGalleryAndVariants(db, product);
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

/** A new product's photos (its cover first) and its variants, each pointing at the photo that shows it. */
async function seedGalleryAndVariants(
  db: Database,
  product: { id: string; slug: string; imagePath: string; name: string },
) {
  const seeded = seedProducts.find((p) => p.slug === product.slug)!;
  const photos = [
    { path: product.imagePath, alt: product.name, name: product.slug },
    ...("photos" in seeded ? seeded.photos : []).map((photo) => ({ ...photo, path: productImagePath(photo.name) })),
  ];
  const imageIds = await insertProductImages(
    db,
    photos.map((photo, position) => ({ productId: product.id, path: photo.path, alt: photo.alt, position })),
  );
  const imageOf = (name?: string) => (name ? imageIds[photos.findIndex((photo) => photo.name === name)] : undefined);
  await db.insert(productVariants).values(
    seedVariantsOf(seeded).map((variant, position) => ({
      productId: product.id,
      sku: variant.sku,
      optionValues: variant.values,
      pricePaise: variant.pricePaise,
      ...packOf(product.slug, variant.sku, variant.pricePaise),
      stock: variant.stock,
      imageId: imageOf(variant.photo),
      position,
    })),
  );
}

/** A demo product's declarations, all made in India; a product the table leaves out declares nothing. */
function declarationsOf(slug: string) {
  const declared = seedDeclarations[slug];
  if (!declared) return {};
  const { genericName, makerRole, makerName, makerAddress, bestBefore } = declared;
  return { genericName, makerRole, makerName, makerAddress, countryOfOrigin: "India", food: !!bestBefore, bestBefore };
}

/** A demo variant's net quantity and MRP (its price, unless the table gives a higher one). */
function packOf(slug: string, sku: string, pricePaise: number) {
  const pack = seedDeclarations[slug]?.packs[sku];
  if (!pack) return {};
  const [netQuantity, netQuantityUnit] = pack.netQuantity;
  return { netQuantity, netQuantityUnit, mrpPaise: Math.max(pack.mrpPaise ?? 0, pricePaise) };
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
