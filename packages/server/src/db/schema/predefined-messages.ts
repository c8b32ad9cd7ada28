import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Texts agents insert into their answers, kept by admins. A null sector or channel means any:
 * both null is a message for everyone; `{{…}}` placeholders are filled from the conversation.
 */
export const predefinedMessages = pgTable(
  'predefined_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    sector: text('sector'),
    /** A channel type (`reclame-aqui`), not a connection: the same texts serve every account. */
    channel: text('channel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('predefined_messages_scope_idx').on(t.sector, t.channel)],
);
