import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { dashboardFigures, dashboardFiguresSchema } from '../services/dashboard.js';

export type { DashboardFigures } from '../services/dashboard.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-03-01');

/** The admins' dashboard: conversations per day, response and resolution times, answer windows, evaluations, failed deliveries. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireAdmin);

  app.get(
    '/dashboard',
    {
      schema: {
        summary: 'Figures of the conversations created in a period (UTC days, both ends included)',
        querystring: z.strictObject({
          from: day.optional(),
          to: day.optional(),
          channel: z.string().min(1).max(100).optional(),
          sector: z.string().min(1).max(200).optional(),
        }),
        response: { 200: dashboardFiguresSchema },
      },
    },
    (request) =>
      dashboardFigures(
        { database: core.database, registry: core.registry, now: core.now() },
        request.query,
      ),
  );
};
