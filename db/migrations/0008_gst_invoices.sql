CREATE TYPE "public"."tax_document_kind" AS ENUM('invoice', 'credit_note');--> statement-breakpoint
CREATE TABLE "document_series" (
	"series" text PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_document_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"hsn_code" text NOT NULL,
	"rate_bps" integer NOT NULL,
	"quantity" integer,
	"amount_paise" integer NOT NULL,
	"taxable_paise" integer NOT NULL,
	"cgst_paise" integer NOT NULL,
	"sgst_paise" integer NOT NULL,
	"igst_paise" integer NOT NULL,
	CONSTRAINT "tax_document_lines_position" UNIQUE("document_id","position"),
	CONSTRAINT "tax_document_lines_add_up" CHECK ("tax_document_lines"."amount_paise" = "tax_document_lines"."taxable_paise" + "tax_document_lines"."cgst_paise" + "tax_document_lines"."sgst_paise" + "tax_document_lines"."igst_paise")
);
--> statement-breakpoint
CREATE TABLE "tax_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "tax_document_kind" NOT NULL,
	"number" text NOT NULL,
	"series" text NOT NULL,
	"sequence" integer NOT NULL,
	"financial_year" text NOT NULL,
	"order_id" text NOT NULL,
	"refund_id" text,
	"invoice_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seller" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"buyer_gstin" text,
	"place_of_supply" text NOT NULL,
	"supply" text NOT NULL,
	"taxable_paise" integer NOT NULL,
	"cgst_paise" integer NOT NULL,
	"sgst_paise" integer NOT NULL,
	"igst_paise" integer NOT NULL,
	"total_paise" integer NOT NULL,
	CONSTRAINT "tax_documents_number_unique" UNIQUE("number"),
	CONSTRAINT "tax_documents_refundId_unique" UNIQUE("refund_id"),
	CONSTRAINT "tax_documents_series_sequence" UNIQUE("series","sequence"),
	CONSTRAINT "tax_documents_adds_up" CHECK ("tax_documents"."total_paise" = "tax_documents"."taxable_paise" + "tax_documents"."cgst_paise" + "tax_documents"."sgst_paise" + "tax_documents"."igst_paise")
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_total_consistent";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "hsn_code" text;--> statement-breakpoint
-- The demo catalog's classifications; any other product shows 0000 until its owner enters its HSN code.
UPDATE "products" SET "hsn_code" = CASE "slug"
  WHEN 'brass-masala-dabba' THEN '7418' WHEN 'cast-iron-tawa' THEN '7323' WHEN 'copper-water-bottle' THEN '7418'
  WHEN 'terracotta-kulhad-set' THEN '6912' WHEN 'handloom-cotton-dhurrie' THEN '5702'
  WHEN 'block-print-bedsheet' THEN '6302' WHEN 'kantha-stitch-throw' THEN '6301' WHEN 'khadi-kitchen-towels' THEN '6302'
  WHEN 'darjeeling-first-flush' THEN '0902' WHEN 'nilgiri-frost-tea' THEN '0902' WHEN 'coorg-filter-coffee' THEN '0901'
  WHEN 'masala-chai-blend' THEN '0902' WHEN 'handmade-paper-journal' THEN '4820' WHEN 'brass-bookmark-set' THEN '8306'
  ELSE '0000' END;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "hsn_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "gst_rate_bps" integer DEFAULT 1800 NOT NULL;--> statement-breakpoint
UPDATE "products" SET "gst_rate_bps" = 500 WHERE "hsn_code" IN ('7418', '7323', '6912', '5702', '6302', '6301', '0902', '0901');--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "hsn_code" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "gst_rate_bps" integer;--> statement-breakpoint
UPDATE "order_items" SET "hsn_code" = p."hsn_code", "gst_rate_bps" = p."gst_rate_bps" FROM "products" p WHERE p."id" = "order_items"."product_id";--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "hsn_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "gst_rate_bps" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_gstin" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_business_name" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "place_of_supply" text;--> statement-breakpoint
ALTER TABLE "tax_document_lines" ADD CONSTRAINT "tax_document_lines_document_id_tax_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."tax_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tax_documents_one_invoice_idx" ON "tax_documents" USING btree ("order_id") WHERE "tax_documents"."kind" = 'invoice';--> statement-breakpoint
CREATE INDEX "tax_documents_issued_idx" ON "tax_documents" USING btree ("issued_at");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_gst_rate" CHECK ("products"."gst_rate_bps" IN (0, 25, 150, 300, 500, 1800, 2800, 4000));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tax_included" CHECK ("orders"."tax_paise" >= 0 AND "orders"."tax_paise" <= "orders"."total_paise");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_consistent" CHECK ("orders"."total_paise" = "orders"."subtotal_paise" + "orders"."shipping_paise");
--> statement-breakpoint
-- Issued tax documents are records the law requires us to keep as issued: rows may be added, never changed.
CREATE FUNCTION tax_documents_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: issue a credit note instead', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tax_documents_append_only BEFORE UPDATE OR DELETE ON tax_documents
  FOR EACH ROW EXECUTE FUNCTION tax_documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tax_document_lines_append_only BEFORE UPDATE OR DELETE ON tax_document_lines
  FOR EACH ROW EXECUTE FUNCTION tax_documents_refuse_change();
