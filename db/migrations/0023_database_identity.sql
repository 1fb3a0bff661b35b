CREATE TABLE "database_identity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Written once, here: every database migrated from scratch gets an id of its own.
INSERT INTO "database_identity" DEFAULT VALUES;
