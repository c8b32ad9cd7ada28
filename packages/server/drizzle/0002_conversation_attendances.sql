ALTER TABLE "conversations" DROP CONSTRAINT "conversations_external_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_external_open_uq" ON "conversations" USING btree ("connection_id","external_id") WHERE "conversations"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "conversations_external_idx" ON "conversations" USING btree ("connection_id","external_id");