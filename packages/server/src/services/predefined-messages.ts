import { renderTemplate, templateScope, type ConversationSnapshot } from '@attendflow/engine';
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversations, predefinedMessages } from '../db/schema/index.js';
import { ServerError } from './errors.js';

type Row = typeof predefinedMessages.$inferSelect;
type ConversationRow = typeof conversations.$inferSelect;

/** A predefined message as the API shows it. */
export interface PredefinedMessageView {
  id: string;
  title: string;
  text: string;
  sector: string | null;
  channel: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What an admin writes; a null (or left out) sector or channel means any. */
export interface PredefinedMessageInput {
  title: string;
  text: string;
  sector?: string | null | undefined;
  channel?: string | null | undefined;
}

const view = (row: Row): PredefinedMessageView => ({
  id: row.id,
  title: row.title,
  text: row.text,
  sector: row.sector,
  channel: row.channel,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const notFound = (id: string) =>
  new ServerError('NOT_FOUND', `predefined message ${id} does not exist`);

// The more specific first: a sector's own texts, then a channel's, then everyone's.
const specificFirst = [
  asc(sql`${predefinedMessages.sector} is null`),
  asc(sql`${predefinedMessages.channel} is null`),
  asc(sql`lower(${predefinedMessages.title})`),
  asc(predefinedMessages.id),
];

/** Predefined messages kept by admins: plain rows, written whole or not at all. */
export const predefinedMessagesService = {
  async list(db: Db, filter: { sector?: string | undefined; channel?: string | undefined }) {
    const where: SQL[] = [];
    if (filter.sector) where.push(eq(predefinedMessages.sector, filter.sector));
    if (filter.channel) where.push(eq(predefinedMessages.channel, filter.channel));
    const rows = await db
      .select()
      .from(predefinedMessages)
      .where(and(...where))
      .orderBy(...specificFirst);
    return rows.map(view);
  },

  async get(db: Db, id: string) {
    const [row] = await db.select().from(predefinedMessages).where(eq(predefinedMessages.id, id));
    if (!row) throw notFound(id);
    return view(row);
  },

  async create(db: Db, input: PredefinedMessageInput, now: number) {
    const at = new Date(now);
    const [row] = await db
      .insert(predefinedMessages)
      .values({
        title: input.title,
        text: input.text,
        sector: input.sector ?? null,
        channel: input.channel ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!row) throw new Error('predefined message not inserted');
    return view(row);
  },

  async update(db: Db, id: string, changes: Partial<PredefinedMessageInput>, now: number) {
    const [row] = await db
      .update(predefinedMessages)
      .set({ ...changes, updatedAt: new Date(now) })
      .where(eq(predefinedMessages.id, id))
      .returning();
    if (!row) throw notFound(id);
    return view(row);
  },

  async remove(db: Db, id: string) {
    const [row] = await db
      .delete(predefinedMessages)
      .where(eq(predefinedMessages.id, id))
      .returning({ id: predefinedMessages.id });
    if (!row) throw notFound(id);
  },

  /**
   * The messages that apply to a conversation (its sector or any, its channel or any), the most
   * specific first, each with its placeholders filled from the conversation.
   */
  async forConversation(db: Db, conversationId: string) {
    const [conversation] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    if (!conversation)
      throw new ServerError('NOT_FOUND', `conversation ${conversationId} does not exist`);
    const { sector, channel } = conversation;
    const rows = await db
      .select()
      .from(predefinedMessages)
      .where(
        and(
          sector === null
            ? isNull(predefinedMessages.sector)
            : or(isNull(predefinedMessages.sector), eq(predefinedMessages.sector, sector)),
          or(isNull(predefinedMessages.channel), eq(predefinedMessages.channel, channel)),
        ),
      )
      .orderBy(...specificFirst);
    const scope = templateScopeOf(conversation);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      text: row.text,
      rendered: renderTemplate(row.text, scope),
      sector: row.sector,
      channel: row.channel,
    }));
  },
};

/**
 * What `{{…}}` reads in a conversation: the engine's own template scope, from the stored snapshot
 * once it started, else from the row.
 */
function templateScopeOf(row: ConversationRow): Record<string, unknown> {
  const context = (row.snapshot as ConversationSnapshot | null)?.context;
  return templateScope({
    variables: context?.variables ?? {},
    fields: context?.fields ?? {
      status: row.status,
      sector: row.sector,
      occurrenceType: row.occurrenceType,
      occurrence: row.occurrence,
      solution: row.solution,
      assignee: row.assignee,
      queue: row.queue,
    },
    info: {
      channel: row.channel,
      externalId: row.externalId,
      customer: context?.info.customer ?? row.customer,
      subject: context?.info.subject ?? row.subject,
      metadata: context?.info.metadata ?? {},
    },
  });
}
