import "server-only";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/admin-products";
import * as gallery from "@/db/queries/product-images";
import { listVariants } from "@/db/queries/products";
import { type Audit, fieldsOf } from "@/lib/audit/record";
import {
  declarationsOf,
  missingDeclarations,
  type NetQuantity,
  netQuantityOf,
  type ProductDeclarations,
} from "@/lib/declarations";
import { prepareImage } from "@/lib/images";
import { imageStorage } from "@/lib/storage";

export interface ProductInput {
  name: string;
  slug: string;
  description: string;
  category: string;
  hsnCode: string;
  gstRateBps: number;
  featured: boolean;
  /** The Legal Metrology declarations (lib/declarations.ts); checked by the action's schema. */
  declarations?: ProductDeclarations;
  /** Checked by its content, not its name or claimed type (lib/images.ts). */
  image?: Buffer;
  /**
   * The pack of a product sold as one item (its one variant): a new product's first variant, or an existing one's
   * SKU, price, MRP and net quantity. A product sold in variants sets these per variant (lib/admin/variants.ts).
   */
  pack?: PackInput;
}

export interface PackInput {
  sku: string;
  pricePaise: number;
  mrpPaise?: number | null;
  netQuantity?: NetQuantity | null;
}

/** A pack's columns: the net quantity in its two (both set or both empty). */
export const packColumns = (pack: PackInput) => ({
  sku: pack.sku,
  pricePaise: pack.pricePaise,
  mrpPaise: pack.mrpPaise ?? null,
  netQuantity: pack.netQuantity?.value ?? null,
  netQuantityUnit: pack.netQuantity?.unit ?? null,
});

/** Every product, with the declarations its page still lacks (lib/declarations.ts). */
export async function listCatalog() {
  const db = await getDb();
  const [rows, packs] = await Promise.all([queries.listAllProducts(db), queries.listLivePacks(db)]);
  return rows.map((row) => ({
    ...row,
    missing: missingDeclarations(
      declarationsOf(row),
      packs
        .filter((pack) => pack.productId === row.id)
        .map((pack) => ({ pricePaise: pack.pricePaise, mrpPaise: pack.mrpPaise, netQuantity: netQuantityOf(pack) })),
    ),
  }));
}

export async function getCatalogProduct(id: string) {
  const db = await getDb();
  const product = await queries.getProductById(db, id);
  if (!product) return null;
  const [adjustments, images, variants] = await Promise.all([
    queries.listStockAdjustments(db, id),
    gallery.listProductImages(db, id),
    listVariants(db, id, { onSaleOnly: false }),
  ]);
  return { product, adjustments, images, variants };
}

/**
 * An edit commits with its audit row (the details before and after); a new product is audited after it. A photo
 * sent with the details is stored in the same transaction as the product and its gallery row: a save that fails
 * (a taken slug) keeps no orphaned image. Answers the product's id, or why it was not saved.
 */
export async function saveProduct(
  id: string | null,
  input: ProductInput,
  audit?: Audit,
): Promise<{ id: string } | { error: string }> {
  const db = await getDb();
  // Checked and resized before the transaction, which then holds the product's row only while it writes.
  const photo = input.image ? await prepareImage(input.image) : undefined;
  const values = {
    name: input.name,
    slug: input.slug,
    description: input.description,
    category: input.category,
    hsnCode: input.hsnCode,
    gstRateBps: input.gstRateBps,
    featured: input.featured,
    ...input.declarations,
  };
  if (id) {
    return db.transaction(async (tx) => {
      const before = await queries.lockProduct(tx, id);
      if (!before) return { error: "That product is gone." };
      const pack = input.pack && (await savePack(tx, id, before.options.length > 0, input.pack));
      if (pack && "error" in pack) return { error: pack.error };
      await queries.updateProduct(tx, id, values);
      // A photo uploaded with the product's details becomes its cover, in front of the gallery.
      const imagePath = photo && (await imageStorage.save(tx, photo));
      if (imagePath) await addToGallery(tx, id, imagePath, input.name, "first");
      // The SKU names a product sold as one item in the log, whose price may have changed with its details.
      const detail = { ...(imagePath && { newCover: imagePath }), ...(input.pack && { sku: input.pack.sku }) };
      await audit?.writeIn(tx, {
        target: { type: "product", id },
        before: { ...fieldsOf(before, values), ...pack?.before },
        after: { ...values, ...pack?.after },
        detail: Object.keys(detail).length ? detail : undefined,
      });
      return { id };
    });
  }
  const firstVariant = input.pack;
  if (!firstVariant) throw new Error("a new product needs its first variant's SKU and price");
  const created = await db.transaction(async (tx) => {
    const imagePath = photo ? await imageStorage.save(tx, photo) : "/icon.svg";
    const product = await queries.insertProduct(
      tx,
      { ...values, imagePath },
      { ...packColumns(firstVariant), stock: 0 },
    );
    await addToGallery(tx, product.id, product.imagePath, input.name, "first");
    return product;
  });
  audit?.note({
    action: "product.create",
    target: { type: "product", id: created.id },
    after: { ...values, ...packColumns(firstVariant) },
  });
  return { id: created.id };
}

/** The one variant of a product sold as one item takes the details form's pack; its values before and after. */
type PackChange = { before: Record<string, unknown>; after: Record<string, unknown> };

async function savePack(
  tx: Database,
  productId: string,
  hasOptions: boolean,
  pack: PackInput,
): Promise<PackChange | { error: string }> {
  const live = (await listVariants(tx, productId, { onSaleOnly: true })).filter((v) => !v.archivedAt);
  if (hasOptions || live.length !== 1)
    return { error: "This product is sold in variants: set each one's price, MRP and net quantity under Variants." };
  const variant = (await queries.lockVariant(tx, live[0]!.id))!;
  if (await queries.skuTaken(tx, pack.sku, variant.id)) return { error: "Another variant already uses that SKU." };
  const after = packColumns(pack);
  await queries.updateVariant(tx, variant.id, after);
  return { before: fieldsOf(variant, after), after };
}

async function addToGallery(tx: Database, productId: string, path: string, alt: string, where: "first" | "last") {
  await gallery.lockGallery(tx, productId);
  const current = await gallery.listProductImages(tx, productId);
  const [added] = await gallery.insertProductImages(tx, [{ productId, path, alt, position: current.length }]);
  const ids = current.map((image) => image.id);
  await gallery.setGalleryOrder(tx, productId, where === "first" ? [added!, ...ids] : [...ids, added!]);
}

/** A further photo, with its description, at the end of the gallery; stored with its gallery row, or not at all. */
export async function addProductImage(productId: string, data: Buffer, alt: string) {
  const photo = await prepareImage(data);
  const db = await getDb();
  await db.transaction(async (tx) => addToGallery(tx, productId, await imageStorage.save(tx, photo), alt, "last"));
}

/** Moves a photo one place earlier or later (the first one is the cover); answers the product's id. */
export async function moveProductImage(imageId: string, direction: -1 | 1) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const image = await gallery.getProductImage(tx, imageId);
    if (!image) return null;
    await gallery.lockGallery(tx, image.productId);
    const ids = (await gallery.listProductImages(tx, image.productId)).map((row) => row.id);
    const from = ids.indexOf(imageId);
    const to = from + direction;
    if (to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await gallery.setGalleryOrder(tx, image.productId, ids);
    return image.productId;
  });
}

/**
 * Saves the descriptions of a product's photos together; photos of another product, or gone, are left alone.
 * Answers each changed description before and after, by the photo's place in the gallery ("photo 2").
 */
export async function describeProductImages(productId: string, photos: { imageId: string; alt: string }[]) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await gallery.listProductImages(tx, productId);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const { imageId, alt } of photos) {
      const index = current.findIndex((image) => image.id === imageId);
      if (index < 0 || current[index]!.alt === alt) continue;
      await gallery.updateProductImage(tx, imageId, { alt });
      before[`photo ${index + 1}`] = current[index]!.alt;
      after[`photo ${index + 1}`] = alt;
    }
    return { before, after };
  });
}

/**
 * Removes a photo and its stored image, together: once this commits nothing serves it any more. The last one stays
 * (a product always has a picture). Answers the product's id, or why not.
 */
export async function removeProductImage(imageId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const image = await gallery.getProductImage(tx, imageId);
    if (!image) return { error: "That photo is already gone." };
    await gallery.lockGallery(tx, image.productId);
    const rest = (await gallery.listProductImages(tx, image.productId)).filter((row) => row.id !== imageId);
    if (rest.length === 0) return { error: "A product needs at least one photo: add another first." };
    await gallery.deleteProductImage(tx, imageId);
    await imageStorage.remove(tx, image.path);
    await gallery.setGalleryOrder(
      tx,
      image.productId,
      rest.map((row) => row.id),
    );
    return { productId: image.productId };
  });
}

export async function setProductArchived(id: string, archived: boolean, audit?: Audit) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await queries.lockProduct(tx, id);
    await queries.updateProduct(tx, id, { archivedAt: archived ? new Date() : null });
    await audit?.writeIn(tx, { before: before && { archived: !!before.archivedAt }, after: { archived } });
  });
}
