DROP INDEX "email_deliveries_sent_once_idx";--> statement-breakpoint
ALTER TABLE "outbox_jobs" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "email_deliveries_one_send_idx" ON "email_deliveries" USING btree ("job_key") WHERE "email_deliveries"."status" in ('sending', 'sent');