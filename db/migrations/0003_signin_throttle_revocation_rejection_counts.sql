CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_rejection_counts" (
	"minute" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_remote_address" text,
	CONSTRAINT "webhook_rejection_counts_minute_reason_pk" PRIMARY KEY("minute","reason")
);
--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires_idx" ON "revoked_sessions" USING btree ("expires_at");--> statement-breakpoint
-- Keep what was counted before: one row per rejected request becomes a count per reason and minute.
INSERT INTO "webhook_rejection_counts" ("minute", "reason", "count", "last_remote_address")
  SELECT date_trunc('minute', "received_at"), "reason", count(*)::int, max("remote_address") FROM "webhook_rejections" GROUP BY 1, 2;
--> statement-breakpoint
DROP TABLE "login_attempts" CASCADE;--> statement-breakpoint
DROP TABLE "webhook_rejections" CASCADE;
