import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { flowAnalytics } from '../services/analytics.js';

const nodeFigures = z.object({
  nodeId: z.string(),
  type: z.string(),
  label: z.string().nullable(),
  visits: z.number(),
  entries: z.number(),
  exits: z.record(z.string(), z.number()),
  dropOff: z.number(),
  waiting: z.number(),
});

/** Flow analytics (admins): visits, exits and drop-off per node, traversals per edge. */
export const analyticsRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireAdmin);

  app.get(
    '/flows/:id/analytics',
    {
      schema: {
        summary: 'Per node and per edge figures of a flow version (the latest when none is given)',
        params: z.object({ id: z.uuid() }),
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({
            flowId: z.string(),
            version: z.object({ id: z.string(), number: z.number(), createdAt: z.string() }),
            conversations: z.number(),
            nodes: z.array(nodeFigures),
            edges: z.array(
              z.object({
                edgeId: z.string(),
                source: z.string(),
                sourcePort: z.string(),
                target: z.string(),
                traversals: z.number(),
              }),
            ),
          }),
        },
      },
    },
    (request) =>
      flowAnalytics(core.database, core.registry, request.params.id, request.query.version),
  );
};
