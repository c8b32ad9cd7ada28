import type { ConversationStatus } from '@attendflow/engine';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversations, events, flowVersions, messages } from '../db/schema/index.js';
import { ServerError } from './errors.js';
import { transcriptOrder } from './transcript-order.js';

/** Filters of the conversation list; `assignee: null` means unassigned. */
export interface ConversationFilter {
  status?: ConversationStatus[] | undefined;
  channel?: string | undefined;
  connectionId?: string | undefined;
  sector?: string | undefined;
  assignee?: string | null | undefined;
  text?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const summaryColumns = {
  id: conversations.id,
  connectionId: conversations.connectionId,
  channel: conversations.channel,
  externalId: conversations.externalId,
  status: conversations.status,
  flowState: conversations.flowState,
  sector: conversations.sector,
  occurrenceType: conversations.occurrenceType,
  occurrence: conversations.occurrence,
  solution: conversations.solution,
  assignee: conversations.assignee,
  queue: conversations.queue,
  answerDueAt: conversations.answerDueAt,
  subject: conversations.subject,
  customer: conversations.customer,
  flowVersionId: conversations.flowVersionId,
  version: conversations.version,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
  closedAt: conversations.closedAt,
  // Microseconds kept: a JavaScript Date would round them off and break keyset paging.
  cursorAt: sql<string>`to_char(${conversations.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function selectSummaries(db: Db) {
  return db.select(summaryColumns).from(conversations);
}

/** A conversation as lists show it. */
export function toSummary(row: SummaryRow) {
  const { cursorAt: _cursorAt, answerDueAt, createdAt, updatedAt, closedAt, ...rest } = row;
  return {
    ...rest,
    customer: rest.customer as Record<string, unknown>,
    answerDueAt: answerDueAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    closedAt: closedAt?.toISOString() ?? null,
  };
}

/** {@link toSummary}'s result. */
export type ConversationSummary = ReturnType<typeof toSummary>;

/** Conversations matching the filter, newest first, one page at a time (keyset paging). */
export async function listConversations(
  db: Db,
  filter: ConversationFilter,
): Promise<{ items: ConversationSummary[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(conversations.status, filter.status));
  if (filter.channel) where.push(eq(conversations.channel, filter.channel));
  if (filter.connectionId) where.push(eq(conversations.connectionId, filter.connectionId));
  if (filter.sector) where.push(eq(conversations.sector, filter.sector));
  if (filter.assignee === null) where.push(isNull(conversations.assignee));
  else if (filter.assignee) where.push(eq(conversations.assignee, filter.assignee));
  if (filter.text) where.push(matchesText(filter.text));
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor);
    where.push(
      sql`(${conversations.createdAt}, ${conversations.id}) < (${at}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await selectSummaries(db)
    .where(and(...where))
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** One conversation's summary, or NOT_FOUND. */
export async function conversationSummary(db: Db, id: string): Promise<ConversationSummary> {
  const [row] = await selectSummaries(db).where(eq(conversations.id, id));
  if (!row) throw new ServerError('NOT_FOUND', `conversation ${id} does not exist`);
  return toSummary(row);
}

/** The channel of a conversation (it never changes), or NOT_FOUND. */
export async function conversationChannel(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ channel: conversations.channel })
    .from(conversations)
    .where(eq(conversations.id, id));
  if (!row) throw new ServerError('NOT_FOUND', `conversation ${id} does not exist`);
  return row.channel;
}

/** A conversation with its flow version, transcript (messages in order) and event log. */
export async function getConversation(db: Db, id: string) {
  const summary = await conversationSummary(db, id);
  const [version] = await db
    .select({ id: flowVersions.id, flowId: flowVersions.flowId, number: flowVersions.number })
    .from(flowVersions)
    .where(eq(flowVersions.id, summary.flowVersionId));
  const transcript = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, id))
    .orderBy(...transcriptOrder);
  const log = await db
    .select()
    .from(events)
    .where(eq(events.conversationId, id))
    .orderBy(asc(events.seq));
  return {
    ...summary,
    flowVersion: version ?? null,
    transcript: transcript.map((m) => ({
      id: m.id,
      direction: m.direction,
      author: m.author,
      agentId: m.agentId,
      visibility: m.visibility,
      text: m.text,
      attachments: m.attachments as unknown[],
      nodeId: m.nodeId,
      state: m.state,
      error: m.error,
      createdAt: m.createdAt.toISOString(),
      notBefore: m.notBefore?.toISOString() ?? null,
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    events: log.map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: e.actor,
      payload: e.payload as Record<string, unknown>,
      trace: e.trace as unknown[],
      effects: e.effects as unknown[],
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

function matchesText(text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  return or(
    ilike(conversations.subject, pattern),
    ilike(conversations.externalId, pattern),
    sql`${conversations.customer}->>'name' ilike ${pattern}`,
    sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.text} ilike ${pattern})`,
  ) as SQL;
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      uuidPattern.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the error below: a cursor is opaque, any damage means the same.
  }
  throw new ServerError(
    'VALIDATION_FAILED',
    'querystring.cursor: not a cursor this API returned (use nextCursor as given)',
  );
}
