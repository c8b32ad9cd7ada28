import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const page = readFileSync(new URL('../../public/index.html', import.meta.url));

/** `/`: a placeholder until the designer is served here. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { summary: 'Home page (placeholder until the designer)' } },
    (_request, reply) => reply.type('text/html; charset=utf-8').send(page),
  );
};
