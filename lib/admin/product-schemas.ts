/**
 * What the product editor's forms send, and what the server accepts from them (lib/actions/admin/products.ts).
 * Pure: tests parse with these directly.
 */
import {
  productDeclarationIssues,
  productDeclarationsSchema,
  variantPackFields,
  variantPackIssues,
} from "@/lib/declarations";
import { gstRateSchema, hsnSchema } from "@/lib/gst/codes";
import { MAX_UPLOAD_BYTES } from "@/lib/images";
import { rupeeAmount, slugSchema } from "@/lib/schemas";
import { z } from "@/lib/zod";

const skuSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/, "Use letters, digits and dashes (for example COFFEE-250G).")
  .max(40);

const price = rupeeAmount({ label: "price", example: "499 or 499.50" });

/**
 * The pack a product sold as one item is (its one variant): SKU, price, MRP and net quantity, in the details form.
 * A new product's first variant too. A product sold in variants sets these per variant instead.
 */
const packSchema = z.object({ sku: skuSchema, price, ...variantPackFields });

const detailsSchema = z.object({
  id: z.uuid("Invalid product.").nullable(),
  name: z.string().trim().min(3, "The name is at least 3 characters.").max(120),
  slug: z.string().trim().pipe(slugSchema),
  description: z.string().trim().min(10, "Write at least a sentence.").max(2000),
  category: z.string().trim().min(2, "Name the category (at least 2 characters).").max(60),
  hsnCode: hsnSchema,
  gstRate: gstRateSchema,
  featured: z.boolean(),
  declarations: productDeclarationsSchema,
  pack: packSchema.nullable(),
  // A new product's first photo; later photos go through the gallery. Its bytes are checked when it is stored
  // (lib/images.ts): a name or a claimed type proves nothing.
  image: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, "Images must be 5 MB or smaller.")
    .optional(),
});

/** The details form: the product, its declarations, and its pack when it is sold as one item (or new). */
const productDetailsSchema = detailsSchema.superRefine((product, ctx) => {
  if (!product.id && !product.pack) ctx.addIssue({ code: "custom", path: ["price"], message: "Enter the price." });
  for (const issue of productDeclarationIssues(product.declarations))
    ctx.addIssue({ code: "custom", path: ["declarations", issue.path], message: issue.message });
  if (product.pack)
    for (const issue of variantPackIssues(packOfRow(product.pack), product.declarations.prepackaged))
      ctx.addIssue({ code: "custom", path: ["pack", issue.path], message: issue.message });
});

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

/** A server action is a public endpoint: the body may not be a form at all (then nothing validates). */
export const productDetailsForm = z.preprocess((data) => {
  if (!(data instanceof FormData)) return null;
  const image = data.get("image");
  const hasPack = data.has("price");
  return {
    id: text(data, "id") || null,
    name: data.get("name"),
    slug: data.get("slug"),
    description: data.get("description"),
    category: data.get("category"),
    hsnCode: data.get("hsnCode"),
    gstRate: data.get("gstRate"),
    featured: data.get("featured") === "on",
    declarations: {
      prepackaged: data.get("prepackaged") === "on",
      food: data.get("food") === "on",
      genericName: text(data, "genericName"),
      countryOfOrigin: text(data, "countryOfOrigin"),
      makerRole: text(data, "makerRole"),
      makerName: text(data, "makerName"),
      makerAddress: text(data, "makerAddress"),
      bestBefore: text(data, "bestBefore"),
    },
    // A new product's SKU defaults to its slug in capitals.
    pack: hasPack
      ? {
          sku: text(data, "sku") || text(data, "slug"),
          price: text(data, "price"),
          mrp: text(data, "mrp"),
          netQuantity: text(data, "netQuantity"),
          netQuantityUnit: text(data, "netQuantityUnit"),
        }
      : null,
    image: image instanceof File && image.size > 0 ? image : undefined,
  };
}, productDetailsSchema);

/** One row of the variants form, as typed. */
const variantRowSchema = z.object({
  variantId: z.uuid("Unknown variant."),
  sku: skuSchema,
  price,
  ...variantPackFields,
  imageId: z.union([z.uuid("Unknown photo."), z.literal("")]).transform((id) => id || null),
});

type VariantRow = z.output<typeof variantRowSchema>;

const packOfRow = (row: {
  price: number;
  mrp: number | null;
  netQuantity: number | null;
  netQuantityUnit: string;
}) => ({
  pricePaise: row.price,
  mrpPaise: row.mrp,
  netQuantity:
    row.netQuantity === null
      ? null
      : { value: row.netQuantity, unit: row.netQuantityUnit as z.output<typeof variantPackFields.netQuantityUnit> },
});

/** The variants form as sent: each row's fields as text, checked row by row (parseVariantRows). */
export const variantsFormSchema = z.object({
  productId: z.uuid("Invalid product."),
  rows: z
    .array(z.record(z.string(), z.string().max(200)))
    .min(1, "There are no variants to save.")
    .max(100),
});

/**
 * Each row parsed, and the product's rules applied (MRP never below the price; a pre-packaged product's MRP and net
 * quantity required). A refused field is named per row (`<variantId>.price`): the form has one of each per row.
 */
export function parseVariantRows(
  rows: Record<string, string>[],
  prepackaged: boolean,
): { rows: VariantRow[] } | { error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const parsed: VariantRow[] = [];
  for (const row of rows) {
    const result = variantRowSchema.safeParse(row);
    const id = row.variantId ?? "";
    if (!result.success) {
      for (const issue of result.error.issues) fieldErrors[`${id}.${String(issue.path.at(-1))}`] ??= issue.message;
      continue;
    }
    for (const issue of variantPackIssues(packOfRow(result.data), prepackaged))
      fieldErrors[`${id}.${issue.path}`] ??= issue.message;
    parsed.push(result.data);
  }
  const [first] = Object.values(fieldErrors);
  return first ? { error: first, fieldErrors } : { rows: parsed };
}

/** The stock form: one reason, and a change for each variant that has one (blank rows are left out). */
export const stockFormSchema = z.object({
  reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(200),
  changes: z
    .array(
      z.object({
        variantId: z.uuid("Unknown variant."),
        delta: z.coerce
          .number("Enter whole units, e.g. 10 or -2.")
          .int("Whole units only.")
          .refine((d) => d !== 0, "Enter how many units to add or remove.")
          .refine((d) => Math.abs(d) <= 100_000, "That is too many at once."),
      }),
    )
    .min(1, "Enter a change for at least one variant, e.g. 10 or -2.")
    .max(100),
});
