import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { channelConnections } from './channel-connections.js';

/**
 * Where each pulling channel (Reclame Aqui, Wish, Telegram without a webhook) stands: the adapter's
 * own cursor, the progress of a long first import, and when to pull next. One row per connection,
 * claimed with `SKIP LOCKED` so one process syncs a connection at a time.
 */
export const channelSync = pgTable('channel_sync', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => channelConnections.id, { onDelete: 'cascade' }),
  state: jsonb('state'),
  progress: jsonb('progress'),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
  itemsIngested: integer('items_ingested').notNull().default(0),
});
