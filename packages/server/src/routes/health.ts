import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { migrationStatus } from '../db/migrate.js';

/** `/health`: the database answers and its migrations match this code. */
export const healthRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Database reachable and migrations current',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.string(),
            migrations: z.literal('current'),
          }),
          503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        const status = await migrationStatus(core.database);
        if (!status.current)
          return reply
            .status(503)
            .send({ status: 'unavailable', reason: 'migrations are not current' });
        return {
          status: 'ok' as const,
          database: core.database.kind,
          migrations: 'current' as const,
        };
      } catch (error) {
        return reply.status(503).send({
          status: 'unavailable',
          reason: error instanceof Error ? error.message : 'database error',
        });
      }
    },
  );
};
