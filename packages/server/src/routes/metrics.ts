import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Core } from '../core.js';

/**
 * `/metrics` in the Prometheus text format, and the hook counting every HTTP answer by route
 * pattern (never the raw URL: ids and query strings would explode the series and leak tokens).
 * Wrapped with fastify-plugin so the hook sees every route; register it before the routes.
 */
export const metricsRoutes = fp<{ core: Core }>(
  (async (app, { core }) => {
    app.addHook('onResponse', async (request, reply) => {
      core.metrics.countRequest(
        request.method,
        request.routeOptions.url ?? 'unmatched',
        reply.statusCode,
      );
    });

    app.get(
      '/metrics',
      { schema: { summary: 'Prometheus metrics (text format 0.0.4)' } },
      async (_request, reply) => {
        const [outboxPending, timersDue] = await Promise.all([
          core.outbox.depth(),
          core.timers.depth(),
        ]);
        return reply
          .type('text/plain; version=0.0.4; charset=utf-8')
          .send(core.metrics.render({ outboxPending, timersDue }));
      },
    );
  }) satisfies FastifyPluginAsyncZod<{ core: Core }>,
  { name: 'metrics' },
);
