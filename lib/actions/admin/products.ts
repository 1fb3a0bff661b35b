"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import {
  addProductImage,
  describeProductImages,
  getCatalogProduct,
  moveProductImage,
  removeProductImage,
  saveProduct,
  setProductArchived,
} from "@/lib/admin/catalog";
import { parseVariantRows, productDetailsForm, stockFormSchema, variantsFormSchema } from "@/lib/admin/product-schemas";
import { adjustStocks, saveVariants, setProductOptions, setVariantOnSale } from "@/lib/admin/variants";
import { isUniqueViolation } from "@/lib/db-errors";
import { packOf } from "@/lib/declarations";
import { ImageRejected, MAX_UPLOAD_BYTES } from "@/lib/images";
import { catalogChanged, productChanged } from "@/lib/products";

const productId = z.uuid("Invalid product.");

// Catalog and prices are owner-only: staff keep stock counts (README: roles).
export const saveProductAction = adminAction(
  "owner",
  "product.update",
  productDetailsForm,
  async (data, _, audit) => {
    const image = data.image ? Buffer.from(await data.image.arrayBuffer()) : undefined;
    const pack = data.pack && {
      sku: data.pack.sku,
      pricePaise: data.pack.price,
      ...packOf(data.pack),
    };
    let outcome;
    try {
      const input = { ...data, gstRateBps: data.gstRate, image, pack: pack ?? undefined };
      outcome = await saveProduct(data.id, input, audit);
    } catch (error) {
      if (error instanceof ImageRejected) return fail(error.message, { fieldErrors: { image: error.message } });
      if (isUniqueViolation(error)) return fail("Another product already uses that slug or SKU.");
      throw error;
    }
    if ("error" in outcome) return fail(outcome.error);
    productChanged(data.slug);
    return ok(data.id ? "Product saved." : "Product created: add its photos and stock below.", { id: outcome.id });
  },
  { invalidMessage: "Please check the highlighted fields." },
);

const variantId = z.uuid("Unknown variant.");

const optionName = z.string().trim().min(1, "Name the option.").max(30);
const optionValue = z.string().trim().min(1).max(40, "Values are at most 40 characters.");

/** Up to three options (weight, grind…), each with distinct values; at most 100 combinations in all. */
const optionsSchema = z
  .array(
    z.object({
      name: optionName,
      values: z
        .array(optionValue)
        .min(1, "Give at least one value.")
        .max(20, "At most 20 values.")
        .refine((values) => new Set(values).size === values.length, "Each value once."),
    }),
  )
  .max(3, "At most three options.")
  .refine((options) => new Set(options.map((o) => o.name.toLowerCase())).size === options.length, "Each option once.")
  .refine((options) => options.reduce((n, o) => n * o.values.length, 1) <= 100, "At most 100 combinations.");

/** The options form: rows of a name and comma-separated values; empty rows are left out. */
const optionsForm = z.preprocess(
  (formData) => {
    if (!(formData instanceof FormData)) return null;
    const names = formData.getAll("optionName").map(String);
    const values = formData.getAll("optionValues").map(String);
    return {
      productId: formData.get("productId"),
      options: names
        .map((name, i) => ({
          name,
          values: (values[i] ?? "")
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean),
        }))
        .filter((option) => option.name.trim() || option.values.length),
    };
  },
  z.object({ productId, options: optionsSchema }),
);

export const saveOptionsAction = adminAction(
  "owner",
  "product.options",
  optionsForm,
  async (data, _, audit) => {
    const outcome = await setProductOptions(data.productId, data.options, audit);
    if (!outcome) return fail("That product is gone.");
    catalogChanged();
    revalidatePath(`/admin/products/${data.productId}`);
    const changes = [
      outcome.created && `${outcome.created} new (no stock yet)`,
      outcome.restored && `${outcome.restored} back on sale`,
      outcome.archived && `${outcome.archived} no longer sold`,
    ].filter(Boolean);
    return ok(changes.length ? `Options saved. Variants: ${changes.join(", ")}.` : "Options saved.");
  },
  { invalidMessage: "Please check the options." },
);

/** The variants form: every variant on sale at once, each row checked by itself (lib/admin/product-schemas.ts). */
export const saveVariantsAction = adminAction(
  "owner",
  "variant.update",
  variantsFormSchema,
  async (data, _, audit) => {
    const product = await getCatalogProduct(data.productId);
    if (!product) return fail("That product is gone.");
    const parsed = parseVariantRows(data.rows, product.product.prepackaged);
    if ("error" in parsed) return fail(parsed.error, { fieldErrors: parsed.fieldErrors });
    const inputs = parsed.rows.map((row) => ({
      variantId: row.variantId,
      sku: row.sku,
      pricePaise: row.price,
      imageId: row.imageId,
      ...packOf(row),
    }));
    const outcome = await saveVariants(data.productId, inputs, audit);
    if ("error" in outcome) return fail(outcome.error);
    productChanged(outcome.slug);
    revalidatePath(`/admin/products/${data.productId}`);
    return ok(
      outcome.changed ? `Variants saved (${outcome.changed} changed).` : "Nothing to save: no variant changed.",
    );
  },
  { invalidMessage: "Please check the variants." },
);

export const setVariantOnSaleAction = adminAction(
  "owner",
  "variant.on_sale",
  z.object({ variantId, onSale: z.boolean() }),
  async (data, _, audit) => {
    const outcome = await setVariantOnSale(data.variantId, data.onSale, audit);
    if ("error" in outcome) return fail(outcome.error);
    productChanged(outcome.slug);
    return ok(data.onSale ? "Back on sale." : "No longer sold: shoppers see it as unavailable.");
  },
);

export const adjustStockAction = adminAction(
  "staff",
  "stock.adjust",
  stockFormSchema.extend({ productId }),
  async (data, admin, audit) => {
    const outcome = await adjustStocks(admin, data.productId, data.changes, data.reason, audit);
    if ("error" in outcome) return fail(outcome.error);
    catalogChanged();
    revalidatePath(`/admin/products/${data.productId}`);
    const now = Object.entries(outcome.stock).map(([sku, stock]) => `${sku} ${stock}`);
    return ok(
      now.length === 1 ? `Stock is now ${Object.values(outcome.stock)[0]}.` : `Stock is now ${now.join(", ")}.`,
    );
  },
);

const archiving = z.object({ productId, archived: z.boolean() });

export const setArchivedAction = adminAction("owner", "product.archive", archiving, async (data, _, audit) => {
  await setProductArchived(data.productId, data.archived, audit);
  catalogChanged();
  return ok(data.archived ? "Product archived: it no longer shows in the shop." : "Product is back in the shop.");
});

const altSchema = z.string().trim().min(3, "Describe the photo (at least 3 characters).").max(200);

/** A further photo for the gallery, with its description: a form with the file (checked by its bytes). */
const photoForm = z.preprocess(
  (formData) => {
    if (!(formData instanceof FormData)) return null;
    const photo = formData.get("photo");
    return {
      productId: formData.get("productId"),
      alt: formData.get("alt"),
      photo: photo instanceof File && photo.size > 0 ? photo : undefined,
    };
  },
  z.object({
    productId,
    alt: altSchema,
    photo: z
      .instanceof(File, { message: "Choose a photo." })
      .refine((f) => f.size <= MAX_UPLOAD_BYTES, "Images must be 5 MB or smaller."),
  }),
);

export const addProductImageAction = adminAction(
  "owner",
  "product.photo_add",
  photoForm,
  async (data, _, audit) => {
    audit.note({ detail: { alt: data.alt } });
    try {
      await addProductImage(data.productId, Buffer.from(await data.photo.arrayBuffer()), data.alt);
    } catch (error) {
      if (error instanceof ImageRejected) return fail(error.message, { fieldErrors: { photo: error.message } });
      throw error;
    }
    catalogChanged();
    revalidatePath(`/admin/products/${data.productId}`);
    return ok("Photo added.");
  },
  { invalidMessage: "Please check the photo and its description." },
);

const imageId = z.uuid("Unknown photo.");
const anImage = z.object({ imageId });

export const moveProductImageAction = adminAction(
  "owner",
  "product.photo_move",
  z.object({ imageId, direction: z.union([z.literal(-1), z.literal(1)]) }),
  async (data, _, audit) => {
    const product = await moveProductImage(data.imageId, data.direction);
    if (!product) return fail("That photo is gone.");
    audit.note({ detail: { productId: product, direction: data.direction } });
    catalogChanged();
    revalidatePath(`/admin/products/${product}`);
    return ok(data.direction < 0 ? "Moved earlier." : "Moved later.");
  },
);

export const describeProductImagesAction = adminAction(
  "owner",
  "product.photo_describe",
  z.object({
    productId,
    photos: z
      .array(z.object({ imageId, alt: altSchema }))
      .min(1)
      .max(50),
  }),
  async (data, _, audit) => {
    const { before, after } = await describeProductImages(data.productId, data.photos);
    audit.note({ before, after, detail: { productId: data.productId } });
    catalogChanged();
    revalidatePath(`/admin/products/${data.productId}`);
    const changed = Object.keys(after).length;
    return ok(changed ? "Descriptions saved." : "Nothing to save: no description changed.");
  },
  { invalidMessage: "Please check the descriptions." },
);

export const removeProductImageAction = adminAction(
  "owner",
  "product.photo_remove",
  anImage,
  async (data, _, audit) => {
    const outcome = await removeProductImage(data.imageId);
    if ("error" in outcome) return fail(outcome.error!);
    audit.note({ detail: { productId: outcome.productId } });
    catalogChanged();
    revalidatePath(`/admin/products/${outcome.productId}`);
    return ok("Photo removed.");
  },
);
