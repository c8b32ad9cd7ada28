import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { conversations } from './conversations.js';

/** The transcript: inbound and outbound messages with visibility, author and delivery state. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The engine's id within the conversation (`m3`), or the channel's for inbound ones. */
    localId: text('local_id').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    author: text('author', { enum: ['customer', 'bot', 'agent'] }).notNull(),
    agentId: text('agent_id'),
    visibility: text('visibility', { enum: ['public', 'private'] }),
    text: text('text').notNull(),
    attachments: jsonb('attachments')
      .notNull()
      .default(sql`'[]'::jsonb`),
    nodeId: text('node_id'),
    state: text('state', { enum: ['received', 'pending', 'sent', 'dead'] }).notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    notBefore: timestamp('not_before', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    unique('messages_local_uq').on(t.conversationId, t.direction, t.localId),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);

/** What must reach the channel: claimed with SKIP LOCKED, retried with backoff, dead at the end. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    kind: text('kind', { enum: ['message', 'action'] }).notNull(),
    messageId: uuid('message_id'),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    state: text('state', { enum: ['pending', 'sent', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    // Claims by due time. Its predicate also says `next_attempt_at is not null` (always true: the
    // column is not null) so that only a query with a condition on `next_attempt_at` (a claim's
    // `<= now`) can use it: a conversation's "is anything of it pending" probe, which only says
    // `state = 'pending'`, then cannot pick it over the index below. With the same predicate it did,
    // whenever the statistics said few rows were pending (the history all sent), and walked
    // every pending row for each probe (0.17 ms each at 100 pending rows, most of a step
    // statement's time at 100 conversations).
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending' and ${t.nextAttemptAt} is not null`),
    index('outbox_conversation_idx').on(t.conversationId, t.id),
    // The head of each conversation's queue (in-order delivery) without walking its sent rows.
    index('outbox_pending_conversation_idx')
      .on(t.conversationId, t.id)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/** Durable timers armed by nodes; claimed once across processes, fed back as `timer.fired`. */
export const timers = pgTable(
  'timers',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    timerId: text('timer_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.timerId] }),
    index('timers_due_idx').on(t.dueAt),
  ],
);
