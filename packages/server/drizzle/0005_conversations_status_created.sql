DROP INDEX "conversations_status_idx";--> statement-breakpoint
CREATE INDEX "conversations_status_created_idx" ON "conversations" USING btree ("status","created_at","id");