import type { Effect } from '@attendflow/engine';
import { and, asc, eq, gt, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversations, events, messages, users } from '../db/schema/index.js';
import { transcriptOrder } from './transcript-order.js';
import { isUuid } from './widget-connection.js';

/** A message as the visitor sees it. */
export interface WidgetMessage {
  id: string;
  author: 'customer' | 'bot' | 'agent';
  text: string;
  attachments: unknown[];
  at: string;
  /** The agent's name, when the connection shows it. */
  operator?: { name: string };
}

type MessageRow = typeof messages.$inferSelect;

/** The conversation's status and version, or null when it is gone. */
export async function conversationState(
  db: Db,
  conversationId: string,
): Promise<{ status: string; version: number } | null> {
  const [row] = await db
    .select({ status: conversations.status, version: conversations.version })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  return row ?? null;
}

/**
 * What the visitor may see of the transcript from `since` on, in order: their own messages and
 * the public outbound ones that are due (spacing rules may hold one back until `notBefore`).
 * Returns the rows and the time the next read must start from (the first one held back).
 */
export async function visibleMessages(
  db: Db,
  conversationId: string,
  since: Date,
  now: number,
): Promise<{ rows: MessageRow[]; next: Date }> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gte(messages.createdAt, since)))
    .orderBy(...transcriptOrder);
  const shown = rows.filter(
    (row) =>
      row.direction === 'inbound' ||
      (row.visibility === 'public' &&
        row.state !== 'dead' &&
        (row.notBefore?.getTime() ?? 0) <= now),
  );
  const heldBack = rows.filter(
    (row) => row.direction === 'outbound' && !shown.includes(row) && row.state === 'pending',
  );
  const last = rows.at(-1)?.createdAt ?? since;
  const next = heldBack.reduce((min, row) => (row.createdAt < min ? row.createdAt : min), last);
  return { rows: shown, next };
}

/** Names of agents by user id (message `agentId`s that are not users are left out). */
export async function agentNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Reads the events after `afterSeq` for the rating prompt: whether an evaluation was requested
 * (`evaluation.request` among the effects) and not answered since. `pending` is null when
 * nothing in these events changed it.
 */
export async function ratingSince(
  db: Db,
  conversationId: string,
  afterSeq: number,
): Promise<{ lastSeq: number; pending: boolean | null }> {
  const rows = await db
    .select({ seq: events.seq, type: events.type, effects: events.effects })
    .from(events)
    .where(and(eq(events.conversationId, conversationId), gt(events.seq, afterSeq)))
    .orderBy(asc(events.seq));
  let pending: boolean | null = null;
  for (const row of rows) {
    if (row.type === 'customer.evaluated') pending = false;
    const effects = row.effects as Effect[];
    if (effects.some((e) => e.kind === 'channel.action' && e.action === 'evaluation.request'))
      pending = true;
  }
  return { lastSeq: rows.at(-1)?.seq ?? afterSeq, pending };
}
