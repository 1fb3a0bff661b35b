"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adjustStock, MAX_IMAGE_BYTES, saveProduct, setProductArchived } from "@/lib/admin/catalog";
import { guardedAdminAction } from "@/lib/admin/guard";
import { rupeeAmount } from "@/lib/schemas";

const productId = z.uuid("Invalid product.");

function refreshShop(slug?: string) {
  revalidatePath("/", "layout");
  if (slug) revalidatePath(`/products/${slug}`);
}

const productSchema = z.object({
  id: productId.nullable(),
  name: z.string().trim().min(3).max(120),
  slug: z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes."),
  description: z.string().trim().min(10, "Write at least a sentence.").max(2000),
  category: z.string().trim().min(2).max(60),
  price: rupeeAmount({ label: "price", example: "499 or 499.50" }),
  featured: z.boolean(),
  image: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_IMAGE_BYTES, "Images must be 2 MB or smaller.")
    .refine((f) => ["image/png", "image/jpeg", "image/webp"].includes(f.type), "Use a PNG, JPEG or WebP image.")
    .optional(),
});

function productInput(formData: unknown) {
  // A server action is a public endpoint: the body may not be a form at all.
  if (!(formData instanceof FormData)) return null;
  const image = formData.get("image");
  return {
    id: (formData.get("id") as string) || null,
    name: formData.get("name"),
    slug: formData.get("slug"),
    description: formData.get("description"),
    category: formData.get("category"),
    price: formData.get("price"),
    featured: formData.get("featured") === "on",
    image: image instanceof File && image.size > 0 ? image : undefined,
  };
}

export async function saveProductAction(formData: FormData) {
  // Catalog and prices are owner-only: staff keep stock counts (README: roles).
  return guardedAdminAction("owner", productSchema, productInput(formData), async (admin, data) => {
    const imageData = data.image ? { data: Buffer.from(await data.image.arrayBuffer()), contentType: data.image.type } : undefined;
    try {
      await saveProduct(admin, data.id, { ...data, pricePaise: data.price, image: imageData });
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code === "23505") return { ok: false, error: "Another product already uses that slug." };
      throw error;
    }
    refreshShop(data.slug);
    return { ok: true, message: "Product saved." };
  });
}

const stockSchema = z.object({
  productId,
  delta: z.coerce.number().int("Whole units only.").refine((d) => d !== 0, "Enter how many units to add or remove.").refine((d) => Math.abs(d) <= 100_000, "That is too many at once."),
  reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(200),
});

export async function adjustStockAction(input: z.input<typeof stockSchema>) {
  return guardedAdminAction("staff", stockSchema, input, async (admin, data) => {
    const stock = await adjustStock(admin, data.productId, data.delta, data.reason);
    if (stock === null) return { ok: false, error: "Stock cannot go below zero." };
    refreshShop();
    return { ok: true, message: `Stock is now ${stock}.` };
  });
}

export async function setArchivedAction(input: { productId: string; archived: boolean }) {
  return guardedAdminAction("owner", z.object({ productId, archived: z.boolean() }), input, async (admin, data) => {
    await setProductArchived(admin, data.productId, data.archived);
    refreshShop();
    return { ok: true, message: data.archived ? "Product archived: it no longer shows in the shop." : "Product is back in the shop." };
  });
}
