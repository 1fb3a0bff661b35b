ALTER TABLE "orders" ADD COLUMN "cf_offer_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "offer_discount_paise" integer;