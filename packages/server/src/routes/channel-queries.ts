import { channelQueryAudiences } from '@attendflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { callerOf } from '../plugins/auth.js';
import { listChannelQueries, runChannelQuery } from '../services/channel-queries.js';

const params = z.object({ id: z.uuid() });
const queryParams = params.extend({
  query: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'a query name such as "companies"'),
});

/**
 * Read-only questions to a conversation's channel (any signed-in user, as each query allows):
 * Reclame Aqui's company search for moderation, its reputation … The query's own schema checks
 * the query string; connection secrets and settings never leave the server.
 */
export const channelQueryRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  const deps = {
    db: core.database.db,
    connections: core.connections,
    adapters: core.adapters,
  };
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/conversations/:id/channel-queries',
    {
      schema: {
        summary: 'The queries the conversation’s channel answers for the caller',
        params,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                name: z.string(),
                label: z.string(),
                audience: z.enum(channelQueryAudiences),
                inputSchema: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listChannelQueries(deps, request.params.id, callerOf(request).role),
    }),
  );

  app.get(
    '/conversations/:id/channel-queries/:query',
    {
      schema: {
        summary:
          'Ask the conversation’s channel a query; its parameters (listed, with their JSON Schema, by GET …/channel-queries) go in the query string',
        params: queryParams,
        // No querystring schema here: each query's own input schema checks it, naming the field.
        response: { 200: z.unknown() },
      },
    },
    (request) =>
      runChannelQuery(deps, {
        conversationId: request.params.id,
        name: request.params.query,
        input: request.query,
        role: callerOf(request).role,
      }),
  );
};
