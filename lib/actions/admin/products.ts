"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import {
  addProductImage,
  describeProductImage,
  moveProductImage,
  removeProductImage,
  saveProduct,
  setProductArchived,
} from "@/lib/admin/catalog";
import { adjustStock, saveVariant, setProductOptions, setVariantOnSale } from "@/lib/admin/variants";
import { isUniqueViolation } from "@/lib/db-errors";
import { gstRateSchema, hsnSchema } from "@/lib/gst/codes";
import { ImageRejected, MAX_UPLOAD_BYTES } from "@/lib/images";
import { catalogChanged, productChanged } from "@/lib/products";
import { rupeeAmount, slugSchema } from "@/lib/schemas";

const productId = z.uuid("Invalid product.");

const skuSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/, "Use letters, digits and dashes (for example COFFEE-250G).")
  .max(40);

const productSchema = z.object({
  id: productId.nullable(),
  name: z.string().trim().min(3).max(120),
  slug: z.string().trim().pipe(slugSchema),
  description: z.string().trim().min(10, "Write at least a sentence.").max(2000),
  category: z.string().trim().min(2).max(60),
  // A new product's first variant; later, prices are set on the variants.
  price: rupeeAmount({ label: "price", example: "499 or 499.50" }).optional(),
  sku: skuSchema.optional(),
  hsnCode: hsnSchema,
  gstRate: gstRateSchema,
  featured: z.boolean(),
  // Its bytes are checked when it is stored (lib/images.ts): a name or a claimed type proves nothing.
  image: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, "Images must be 5 MB or smaller.")
    .optional(),
});

/** A server action is a public endpoint: the body may not be a form at all (then nothing validates). */
const productForm = z.preprocess(
  (formData) => {
    if (!(formData instanceof FormData)) return null;
    const image = formData.get("image");
    return {
      id: (formData.get("id") as string) || null,
      name: formData.get("name"),
      slug: formData.get("slug"),
      description: formData.get("description"),
      category: formData.get("category"),
      price: formData.get("price") ?? undefined,
      sku: formData.get("sku") || undefined,
      hsnCode: formData.get("hsnCode"),
      gstRate: formData.get("gstRate"),
      featured: formData.get("featured") === "on",
      image: image instanceof File && image.size > 0 ? image : undefined,
    };
  },
  productSchema.refine((p) => p.id || p.price !== undefined, { path: ["price"], message: "Enter the price." }),
);

// Catalog and prices are owner-only: staff keep stock counts (README: roles).
export const saveProductAction = adminAction("owner", "product.update", productForm, async (data, _, audit) => {
  const image = data.image ? Buffer.from(await data.image.arrayBuffer()) : undefined;
  try {
    const firstVariant = data.id ? undefined : { sku: data.sku ?? data.slug.toUpperCase(), pricePaise: data.price! };
    await saveProduct(data.id, { ...data, gstRateBps: data.gstRate, image, firstVariant }, audit);
  } catch (error) {
    if (error instanceof ImageRejected) return fail(error.message, { fieldErrors: { image: error.message } });
    if (isUniqueViolation(error)) return fail("Another product already uses that slug or SKU.");
    throw error;
  }
  productChanged(data.slug);
  return ok("Product saved.");
});

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

const variantSchema = z.object({
  variantId,
  sku: skuSchema,
  price: rupeeAmount({ label: "price", example: "499 or 499.50" }),
  imageId: z.union([z.uuid("Unknown photo."), z.literal("")]).transform((id) => id || null),
});

export const saveVariantAction = adminAction("owner", "variant.update", variantSchema, async (data, _, audit) => {
  const input = { sku: data.sku, pricePaise: data.price, imageId: data.imageId };
  const outcome = await saveVariant(data.variantId, input, audit);
  if ("error" in outcome) return fail(outcome.error);
  productChanged(outcome.slug);
  return ok(`${data.sku} saved.`);
});

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

const stockSchema = z.object({
  variantId,
  delta: z.coerce
    .number()
    .int("Whole units only.")
    .refine((d) => d !== 0, "Enter how many units to add or remove.")
    .refine((d) => Math.abs(d) <= 100_000, "That is too many at once."),
  reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(200),
});

export const adjustStockAction = adminAction("staff", "stock.adjust", stockSchema, async (data, admin, audit) => {
  const stock = await adjustStock(admin, data.variantId, data.delta, data.reason, audit);
  if (stock === null) return fail("Stock cannot go below zero.");
  catalogChanged();
  return ok(`Stock is now ${stock}.`);
});

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
const describing = z.object({ imageId, alt: altSchema });

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

export const describeProductImageAction = adminAction(
  "owner",
  "product.photo_describe",
  describing,
  async (data, _, audit) => {
    const product = await describeProductImage(data.imageId, data.alt);
    if (!product) return fail("That photo is gone.");
    audit.note({ after: { alt: data.alt }, detail: { productId: product } });
    catalogChanged();
    return ok("Description saved.");
  },
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
