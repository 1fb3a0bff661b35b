import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    category: text().notNull(),
    currency: text().notNull().default("INR"),
    /** HSN code for its tax invoice (4, 6 or 8 digits). */
    hsnCode: text().notNull(),
    /** GST rate in basis points (1800 = 18%); prices include it. */
    gstRateBps: integer().notNull().default(1800),
    imagePath: text().notNull(),
    /**
     * What the shopper chooses (weight, grind…), each with its values in the owner's order. No options: the product
     * is sold as its one variant.
     */
    options: jsonb().$type<ProductOption[]>().notNull().default([]),
    featured: boolean().notNull().default(false),
    // The Legal Metrology declarations a product page must show (Packaged Commodities Rules 2011, rule 6(1) via
    // 6(10); lib/declarations.ts). Nullable: products from before these columns have none until the owner fills
    // them in, and the admin says which are missing. Pack size and MRP are the variants'.
    /** Sold pre-packed (rule 2(l) of the Act): the declarations are required. */
    prepackaged: boolean().notNull().default(true),
    /** Goes off with time (food): a best-before or use-by declaration is required. */
    food: boolean().notNull().default(false),
    genericName: text(),
    countryOfOrigin: text(),
    /** Who the declared name and address are: manufacturer, packer, marketer or importer. */
    makerRole: text(),
    makerName: text(),
    makerAddress: text(),
    /** "12 months from packing": a page cannot know each pack's date, so the period, as on the label. */
    bestBefore: text(),
    archivedAt: timestamp({ withTimezone: true }),
    /**
     * Name and category, lower case, for typo-tolerant trigram search (pg_trgm's word similarity). Compared, not
     * indexed: a trigram index serves only `<%` at a session-wide threshold, and a shop's catalog scans in a blink.
     */
    searchText: text().generatedAlwaysAs(sql`lower(name || ' ' || category)`),
    /** Full-text search over name (weight A), category (B) and description (C). */
    searchVector: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', category), 'B') || setweight(to_tsvector('english', description), 'C')`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("products_search_vector_idx").using("gin", t.searchVector),
    check("products_gst_rate", sql`${t.gstRateBps} IN (0, 25, 150, 300, 500, 1800, 2800, 4000)`),
    check("products_maker_role", sql`${t.makerRole} IN ('manufacturer', 'packer', 'marketer', 'importer')`),
    index("products_category_idx").on(t.category),
  ],
);

export interface ProductOption {
  name: string;
  values: string[];
}

/**
 * What is sold: one combination of a product's option values, with its own SKU, price, stock and photo. Cart lines,
 * stock reservations, order items and stock adjustments refer to a variant. Variants that were sold are archived,
 * never deleted (order items keep pointing at them).
 */
export const productVariants = pgTable(
  "product_variants",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text().notNull().unique(),
    /** One value per product option, in the options' order; empty for a product without options. */
    optionValues: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    pricePaise: integer().notNull(),
    /** Maximum retail price, inclusive of all taxes (rule 6(1)(e)): never below the price it sells at. */
    mrpPaise: integer(),
    /** Net quantity of this pack (rule 6(1)(c)): 250 g, 1 L, 6 N. Both or neither. */
    netQuantity: numeric({ precision: 12, scale: 3, mode: "number" }),
    netQuantityUnit: text(),
    /** Units available to sell; checkouts reserve by decrementing it. */
    stock: integer().notNull().default(0),
    /** The gallery photo that shows this variant (first on its page); none: the product's cover. */
    imageId: uuid().references(() => productImages.id, { onDelete: "set null" }),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("product_variants_options_unique").on(t.productId, t.optionValues),
    index("product_variants_product_idx").on(t.productId, t.position),
    check("product_variants_price_positive", sql`${t.pricePaise} > 0`),
    check("product_variants_stock_non_negative", sql`${t.stock} >= 0`),
    check("product_variants_mrp_not_below_price", sql`${t.mrpPaise} >= ${t.pricePaise}`),
    check(
      "product_variants_net_quantity",
      sql`(${t.netQuantity} IS NULL) = (${t.netQuantityUnit} IS NULL) AND ${t.netQuantity} > 0 AND ${t.netQuantityUnit} IN ('mg', 'g', 'kg', 'ml', 'L', 'cm', 'm', 'N')`,
    ),
  ],
);

export const stockAdjustments = pgTable("stock_adjustments", {
  id: uuid().primaryKey().defaultRandom(),
  variantId: uuid()
    .notNull()
    .references(() => productVariants.id, { onDelete: "cascade" }),
  delta: integer().notNull(),
  reason: text().notNull(),
  actor: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const carts = pgTable("carts", {
  id: uuid().primaryKey().defaultRandom(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check("cart_items_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** The store's policy pages (terms, privacy, refunds, shipping, contact): owner-edited Markdown, shown on the shop. */
export const policyPages = pgTable("policy_pages", {
  slug: text().primaryKey(),
  title: text().notNull(),
  body: text().notNull(),
  updatedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A product's photos, in the order the owner gave them. The first is the product's cover: `products.image_path`
 * copies it (in the same transaction, lib/admin/catalog.ts) so listings need no join.
 */
export const productImages = pgTable(
  "product_images",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    path: text().notNull(),
    /** Describes the photo for people who cannot see it; required. */
    alt: text().notNull(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);
