CREATE TABLE "refused_sign_in_counts" (
	"window_start" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"refused_by" text NOT NULL,
	"subject" text NOT NULL,
	"actor_email" text,
	"ip_address" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refused_sign_in_counts_window_start_reason_refused_by_subject_pk" PRIMARY KEY("window_start","reason","refused_by","subject")
);
