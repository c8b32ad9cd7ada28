CREATE TABLE "channel_sync" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"state" jsonb,
	"progress" jsonb,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"runs" integer DEFAULT 0 NOT NULL,
	"items_ingested" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_sync" ADD CONSTRAINT "channel_sync_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE cascade ON UPDATE no action;