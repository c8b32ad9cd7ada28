-- The due-time index serves claims only. Its predicate also says `next_attempt_at is not null`
-- (always true, the column is not null), which only a query with a condition on next_attempt_at (a
-- claim's `<= now`) implies: a conversation's "is anything of it pending" probe (the step
-- statement's hand-off check, a claim's head check) says only `state = 'pending'` and can no longer
-- pick this index over outbox_pending_conversation_idx. It did whenever the statistics said few
-- rows were pending, and then walked every pending row for each probe.
DROP INDEX "outbox_due_idx";--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."state" = 'pending' and "outbox"."next_attempt_at" is not null;