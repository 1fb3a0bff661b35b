ALTER TABLE "product_variants" ADD COLUMN "mrp_paise" integer;--> statement-breakpoint
ALTER TABLE "product_variants" ADD COLUMN "net_quantity" numeric(12, 3);--> statement-breakpoint
ALTER TABLE "product_variants" ADD COLUMN "net_quantity_unit" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "prepackaged" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "food" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "generic_name" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "country_of_origin" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "maker_role" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "maker_name" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "maker_address" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "best_before" text;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_mrp_not_below_price" CHECK ("product_variants"."mrp_paise" >= "product_variants"."price_paise");--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_net_quantity" CHECK (("product_variants"."net_quantity" IS NULL) = ("product_variants"."net_quantity_unit" IS NULL) AND "product_variants"."net_quantity" > 0 AND "product_variants"."net_quantity_unit" IN ('mg', 'g', 'kg', 'ml', 'L', 'cm', 'm', 'N'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_maker_role" CHECK ("products"."maker_role" IN ('manufacturer', 'packer', 'marketer', 'importer'));