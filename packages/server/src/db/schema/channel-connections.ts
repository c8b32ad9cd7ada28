import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows.js';

/**
 * A configured channel (a Reclame Aqui account, a web-chat widget …). Secret settings are kept
 * apart, encrypted (AES-256-GCM) with the server's key; `settings` holds only the rest.
 */
export const channelConnections = pgTable('channel_connections', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  settings: jsonb('settings').notNull(),
  secrets: text('secrets').notNull(),
  flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
  status: text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
