import type { ChannelAdapter, ChannelQuery } from '@attendflow/engine';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { conversations, type UserRole } from '../db/schema/index.js';
import type { ConnectionService } from './connections.js';
import { ServerError } from './errors.js';

/** What {@link runChannelQuery} and {@link listChannelQueries} need. */
export interface ChannelQueryDeps {
  db: Db;
  connections: ConnectionService;
  adapters: ReadonlyMap<string, ChannelAdapter>;
}

/** Admins may ask every query, agents those meant for agents. */
const mayAsk = (query: ChannelQuery, role: UserRole) =>
  query.audience === 'agent' || role === 'admin';

async function conversationChannel(db: Db, conversationId: string) {
  const [row] = await db
    .select({ connectionId: conversations.connectionId, channel: conversations.channel })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) throw new ServerError('NOT_FOUND', `conversation ${conversationId} does not exist`);
  return row;
}

/** The queries the conversation's channel answers for `role`, with the JSON Schema of the input. */
export async function listChannelQueries(
  deps: ChannelQueryDeps,
  conversationId: string,
  role: UserRole,
) {
  const { channel } = await conversationChannel(deps.db, conversationId);
  const queries = deps.adapters.get(channel)?.queries ?? {};
  return Object.entries(queries)
    .filter(([, query]) => mayAsk(query, role))
    .map(([name, query]) => ({
      name,
      label: query.label,
      audience: query.audience,
      inputSchema: z.toJSONSchema(query.input, { unrepresentable: 'any', io: 'input' }),
    }));
}

/**
 * Asks the channel of a conversation one of its queries with the connection's settings: the
 * input is checked by the query's schema (a bad field is a 400 naming it), the answer by its
 * output schema; a channel that cannot answer is a 502 with its one-line reason.
 */
export async function runChannelQuery(
  deps: ChannelQueryDeps,
  request: { conversationId: string; name: string; input: unknown; role: UserRole },
): Promise<unknown> {
  const { connectionId, channel } = await conversationChannel(deps.db, request.conversationId);
  const queries = deps.adapters.get(channel)?.queries ?? {};
  const query = Object.hasOwn(queries, request.name) ? queries[request.name] : undefined;
  if (!query)
    throw new ServerError('NOT_FOUND', `${channel} channels answer no query "${request.name}"`);
  if (!mayAsk(query, request.role))
    throw new ServerError('FORBIDDEN', `the ${request.name} query needs an admin`);
  const input = query.input.safeParse(request.input);
  if (!input.success) {
    const issues = input.error.issues.map((issue) => ({
      path: ['querystring', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ServerError(
      'VALIDATION_FAILED',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      { issues },
    );
  }
  const connection = await deps.connections.load(deps.db, connectionId);
  if (connection.row.status === 'disabled')
    throw new ServerError('CONNECTION_DISABLED', 'the conversation’s connection is disabled');
  const result = await query.run(input.data, connection.settings, AbortSignal.timeout(15_000));
  if (!result.ok) {
    throw new ServerError(
      'CHANNEL_QUERY_FAILED',
      `${channel} could not answer: ${result.detail}`,
      result.retryAfterMs === undefined ? undefined : { retryAfterMs: result.retryAfterMs },
    );
  }
  const output = query.output.safeParse(result.value);
  if (!output.success)
    throw new ServerError('CHANNEL_QUERY_FAILED', `${channel} answered in an unexpected shape`);
  return output.data;
}
