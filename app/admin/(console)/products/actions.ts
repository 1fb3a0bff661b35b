"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { fail, ok } from "@/lib/actions/result";
import {
  addProductImage,
  adjustStock,
  describeProductImage,
  moveProductImage,
  removeProductImage,
  saveProduct,
  setProductArchived,
} from "@/lib/admin/catalog";
import { isUniqueViolation } from "@/lib/db-errors";
import { gstRateSchema, hsnSchema } from "@/lib/gst/codes";
import { ImageRejected, MAX_UPLOAD_BYTES } from "@/lib/images";
import { catalogChanged, productChanged } from "@/lib/products";
import { rupeeAmount } from "@/lib/schemas";

const productId = z.uuid("Invalid product.");

const productSchema = z.object({
  id: productId.nullable(),
  name: z.string().trim().min(3).max(120),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes."),
  description: z.string().trim().min(10, "Write at least a sentence.").max(2000),
  category: z.string().trim().min(2).max(60),
  price: rupeeAmount({ label: "price", example: "499 or 499.50" }),
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
const productForm = z.preprocess((formData) => {
  if (!(formData instanceof FormData)) return null;
  const image = formData.get("image");
  return {
    id: (formData.get("id") as string) || null,
    name: formData.get("name"),
    slug: formData.get("slug"),
    description: formData.get("description"),
    category: formData.get("category"),
    price: formData.get("price"),
    hsnCode: formData.get("hsnCode"),
    gstRate: formData.get("gstRate"),
    featured: formData.get("featured") === "on",
    image: image instanceof File && image.size > 0 ? image : undefined,
  };
}, productSchema);

// Catalog and prices are owner-only: staff keep stock counts (README: roles).
export const saveProductAction = adminAction("owner", productForm, async (data) => {
  const image = data.image ? Buffer.from(await data.image.arrayBuffer()) : undefined;
  try {
    await saveProduct(data.id, { ...data, pricePaise: data.price, gstRateBps: data.gstRate, image });
  } catch (error) {
    if (error instanceof ImageRejected) return fail(error.message, { fieldErrors: { image: error.message } });
    if (isUniqueViolation(error)) return fail("Another product already uses that slug.");
    throw error;
  }
  productChanged(data.slug);
  return ok("Product saved.");
});

const stockSchema = z.object({
  productId,
  delta: z.coerce
    .number()
    .int("Whole units only.")
    .refine((d) => d !== 0, "Enter how many units to add or remove.")
    .refine((d) => Math.abs(d) <= 100_000, "That is too many at once."),
  reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(200),
});

export const adjustStockAction = adminAction("staff", stockSchema, async (data, admin) => {
  const stock = await adjustStock(admin, data.productId, data.delta, data.reason);
  if (stock === null) return fail("Stock cannot go below zero.");
  catalogChanged();
  return ok(`Stock is now ${stock}.`);
});

export const setArchivedAction = adminAction("owner", z.object({ productId, archived: z.boolean() }), async (data) => {
  await setProductArchived(data.productId, data.archived);
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
  photoForm,
  async (data) => {
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

export const moveProductImageAction = adminAction(
  "owner",
  z.object({ imageId, direction: z.union([z.literal(-1), z.literal(1)]) }),
  async (data) => {
    const product = await moveProductImage(data.imageId, data.direction);
    if (!product) return fail("That photo is gone.");
    catalogChanged();
    revalidatePath(`/admin/products/${product}`);
    return ok(data.direction < 0 ? "Moved earlier." : "Moved later.");
  },
);

export const describeProductImageAction = adminAction("owner", z.object({ imageId, alt: altSchema }), async (data) => {
  const product = await describeProductImage(data.imageId, data.alt);
  if (!product) return fail("That photo is gone.");
  catalogChanged();
  return ok("Description saved.");
});

export const removeProductImageAction = adminAction("owner", z.object({ imageId }), async (data) => {
  const outcome = await removeProductImage(data.imageId);
  if ("error" in outcome) return fail(outcome.error!);
  catalogChanged();
  revalidatePath(`/admin/products/${outcome.productId}`);
  return ok("Photo removed.");
});
