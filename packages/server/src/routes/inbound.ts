import type { InboundItem, InboundRequest } from '@attendflow/engine';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { withConnectionStart } from '../services/connections.js';
import { latestAttendance } from '../services/conversation-lookup.js';
import { ServerError } from '../services/errors.js';

const itemResult = z.object({
  externalId: z.string(),
  conversationId: z.string().nullable(),
  status: z.enum(['applied', 'duplicate', 'rejected', 'failed']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
type ItemResult = z.infer<typeof itemResult>;

/**
 * Channel webhooks: `POST /api/channels/:id/inbound`, no user sign-in; each channel's adapter
 * authenticates the request (shared secret, signature over the raw body …).
 */
export const inboundRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  // Signatures cover the exact bytes sent: in this scope every body is kept as text, decoded below.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/channels/:id/inbound',
    {
      schema: {
        summary: 'A channel delivers customer events (authenticated by the channel)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ results: z.array(itemResult) }) },
      },
      // The hottest route: its answer is built from the schema's type (checked at compile time),
      // so it is written as it is, not validated again on every webhook.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const rawBody = typeof request.body === 'string' ? request.body : '';
      const inbound: InboundRequest = {
        headers: flatHeaders(request.headers),
        rawBody,
        body: await decodeBody(app, request.headers['content-type'], rawBody),
      };
      return { results: await receive(core, request.params.id, inbound) };
    },
  );
};

/** Verifies, parses and ingests one delivery; each item answers for itself. */
async function receive(
  core: Core,
  connectionId: string,
  request: InboundRequest,
): Promise<ItemResult[]> {
  const { db } = core.database;
  const connection = await core.connections.load(db, connectionId);
  const adapter = core.adapters.get(connection.row.type);
  if (!adapter) {
    throw new ServerError(
      'NOT_FOUND',
      `${connection.row.type} connections have no inbound webhook yet`,
    );
  }
  if (!adapter.verifyInbound(request, connection.settings)) {
    throw new ServerError('INBOUND_UNAUTHORIZED', 'the channel did not authenticate this request');
  }
  if (connection.row.status === 'disabled') {
    throw new ServerError('CONNECTION_DISABLED', `connection ${connection.row.name} is disabled`);
  }
  const hasVersion =
    connection.row.flowId !== null && (await core.versions.hasPublished(db, connection.row.flowId));
  if (!hasVersion) {
    throw new ServerError(
      'CONNECTION_HAS_NO_FLOW',
      `connection ${connection.row.name} has no published flow to run`,
    );
  }
  const parsed = adapter.parseInbound(request, connection.settings);
  if (!parsed.ok) {
    throw new ServerError('VALIDATION_FAILED', parsed.issues.join('; '), {
      issues: parsed.issues,
    });
  }
  const results: ItemResult[] = [];
  for (const item of parsed.items)
    results.push(await ingestOne(core, connectionId, withConnectionStart(item, connection)));
  if (parsed.resync) {
    // The delivery only says that something changed: the sync reads what, in order.
    await core.sync.requestSync(connectionId);
    core.wakeSync();
  }
  return results;
}

async function ingestOne(core: Core, connectionId: string, item: InboundItem): Promise<ItemResult> {
  const { externalId } = item;
  try {
    const outcomes = await core.runtime.ingest(connectionId, item);
    const status = outcomes.some((o) => o.status === 'applied')
      ? 'applied'
      : outcomes.some((o) => o.status === 'rejected')
        ? 'rejected'
        : 'duplicate';
    const conversationId =
      outcomes[0]?.conversationId ??
      (await latestAttendance(core.database.db, connectionId, externalId))?.id ??
      null;
    return { externalId, conversationId, status };
  } catch (error) {
    // An event for a conversation that does not exist will never succeed: it must not block the
    // rest of its batch nor make the channel retry forever. Anything else is the channel's to retry.
    if (!(error instanceof ServerError) || error.code !== 'NOT_FOUND') throw error;
    return {
      externalId,
      conversationId: null,
      status: 'failed',
      error: { code: error.code, message: error.message },
    };
  }
}

async function decodeBody(
  app: FastifyInstance,
  contentType: string | undefined,
  raw: string,
): Promise<unknown> {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw === '') return undefined;
  if (media === 'application/x-www-form-urlencoded')
    return Object.fromEntries(new URLSearchParams(raw));
  if (media !== 'application/json' && !media.endsWith('+json')) return raw;
  const parse = app.getDefaultJsonParser('error', 'error');
  // Fastify's own parser: the same guard against prototype poisoning as every other route.
  return new Promise((resolve, reject) => {
    void parse(null as never, raw, (error, body) => {
      if (error) reject(new ServerError('VALIDATION_FAILED', `body: ${error.message}`));
      else resolve(body);
    });
  });
}

function flatHeaders(headers: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers))
    flat[key] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
