CREATE TABLE "dispute_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" text NOT NULL,
	"doc_type" text NOT NULL,
	"note" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"note" text,
	"actor" text,
	"webhook_event_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_events_webhookEventId_unique" UNIQUE("webhook_event_id")
);
--> statement-breakpoint
CREATE TABLE "cashfree_connections" (
	"id" text PRIMARY KEY DEFAULT 'primary' NOT NULL,
	"merchant_id" text NOT NULL,
	"environment" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"access_token_cipher" text,
	"refresh_token_cipher" text,
	"access_expires_at" timestamp with time zone,
	"refresh_expires_at" timestamp with time zone,
	"token_generation" integer DEFAULT 0 NOT NULL,
	"connected_by" text,
	"connected_at" timestamp with time zone,
	"last_refreshed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"admin_user_id" text NOT NULL,
	"session_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_import_days" (
	"day" date PRIMARY KEY NOT NULL,
	"settlements" integer NOT NULL,
	"lines" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"settlement_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"event_id" text NOT NULL,
	"order_id" text,
	"cf_order_id" text,
	"cf_payment_id" text,
	"amount_paise" bigint NOT NULL,
	"service_charge_paise" bigint DEFAULT 0 NOT NULL,
	"service_tax_paise" bigint DEFAULT 0 NOT NULL,
	"settlement_amount_paise" bigint NOT NULL,
	"event_time" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_lines_event_unique" UNIQUE("settlement_id","event_type","event_id")
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cf_settlement_id" text NOT NULL,
	"utr" text,
	"status" text NOT NULL,
	"settlement_type" text,
	"currency" text DEFAULT 'INR' NOT NULL,
	"payment_from" timestamp with time zone,
	"payment_till" timestamp with time zone,
	"initiated_on" timestamp with time zone,
	"settled_on" timestamp with time zone,
	"payment_amount_paise" bigint DEFAULT 0 NOT NULL,
	"service_charge_paise" bigint DEFAULT 0 NOT NULL,
	"service_tax_paise" bigint DEFAULT 0 NOT NULL,
	"settlement_charge_paise" bigint DEFAULT 0 NOT NULL,
	"settlement_tax_paise" bigint DEFAULT 0 NOT NULL,
	"adjustment_paise" bigint DEFAULT 0 NOT NULL,
	"amount_settled_paise" bigint DEFAULT 0 NOT NULL,
	"reason" text,
	"remarks" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlements_cfSettlementId_unique" UNIQUE("cf_settlement_id")
);
--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "cf_order_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "currency" text DEFAULT 'INR' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "action_on" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "cf_remarks" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "preferred_evidence" jsonb;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "cf_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_documents" ADD CONSTRAINT "dispute_documents_dispute_id_disputes_dispute_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("dispute_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_dispute_id_disputes_dispute_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("dispute_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_documents_dispute_idx" ON "dispute_documents" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "dispute_events" USING btree ("dispute_id","occurred_at");--> statement-breakpoint
CREATE INDEX "settlement_lines_order_idx" ON "settlement_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "settlements_settled_on_idx" ON "settlements" USING btree ("settled_on");--> statement-breakpoint
CREATE INDEX "disputes_order_idx" ON "disputes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "disputes_respond_by_idx" ON "disputes" USING btree ("respond_by");