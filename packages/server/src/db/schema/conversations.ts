import { conversationStatuses } from '@attendflow/engine';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channelConnections } from './channel-connections.js';
import { flowVersions } from './flows.js';

/** One attendance: its fields, the engine's snapshot and the flow version it is pinned to. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'restrict' }),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'restrict' }),
    status: text('status', { enum: conversationStatuses }).notNull().default('waiting'),
    flowState: text('flow_state').notNull().default('$start'),
    sector: text('sector'),
    occurrenceType: text('occurrence_type'),
    occurrence: text('occurrence'),
    solution: text('solution'),
    assignee: text('assignee'),
    queue: text('queue'),
    answerDueAt: timestamp('answer_due_at', { withTimezone: true }),
    subject: text('subject'),
    customer: jsonb('customer').notNull(),
    /** Null until the first event (conversation.started) is applied. */
    snapshot: jsonb('snapshot'),
    /** Events applied; each event bumps it (optimistic checks, caches). */
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // One open attendance per external id; a receptive-only channel's closed ones stay beside it.
    uniqueIndex('conversations_external_open_uq')
      .on(t.connectionId, t.externalId)
      .where(sql`${t.status} <> 'closed'`),
    index('conversations_external_idx').on(t.connectionId, t.externalId),
    // The inbox's order (newest first, by status). Not on updated_at: every step moves it, and an
    // indexed column that moves makes each step's update write a new entry in every index (no HOT).
    index('conversations_status_created_idx').on(t.status, t.createdAt, t.id),
    // A flow version's conversations (its analytics; the check when a version row would go). The
    // version a conversation runs on never moves, so its steps' updates stay HOT.
    index('conversations_flow_version_idx').on(t.flowVersionId),
  ],
);

/** The append-only event log: what happened to a conversation, in order, with the trace. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** The channel's message or delivery id: the same delivery twice changes nothing. */
    dedupKey: text('dedup_key'),
    actor: text('actor'),
    flowVersionId: uuid('flow_version_id').notNull(),
    trace: jsonb('trace')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** What the step asked for (messages, timers, alerts …), as the engine returned it. */
    effects: jsonb('effects')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('events_seq_uq').on(t.conversationId, t.seq),
    uniqueIndex('events_dedup_uq')
      .on(t.connectionId, t.dedupKey)
      .where(sql`${t.dedupKey} is not null`),
    index('events_flow_version_idx').on(t.flowVersionId),
  ],
);
