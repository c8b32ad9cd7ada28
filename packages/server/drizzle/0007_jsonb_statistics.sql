-- No planner statistics for the JSON documents of the growing tables: no query filters on them
-- (analytics reads the trace through jsonb_array_elements, never a selectivity estimate), and
-- sampling them was most of what an ANALYZE cost (PGlite's upkeep, over 10,000 conversations'
-- history: events 511 -> 69 ms, outbox 145 -> 38 ms, conversations 93 -> 8 ms).
ALTER TABLE "events" ALTER COLUMN "payload" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "trace" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "effects" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "snapshot" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "customer" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "payload" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "attachments" SET STATISTICS 0;
