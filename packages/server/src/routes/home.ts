import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const placeholder = new URL('../../public/index.html', import.meta.url);
const designerDir = new URL('../../../designer/dist/web/', import.meta.url);
// Paths the server owns: an unknown URL under them is a JSON 404, never the designer's page.
const serverPaths = /^\/(?:api|docs|health|metrics|widget)(?:[/?]|$)/;

/**
 * `/`: the designer (built by `pnpm start`'s prestart into packages/designer/dist/web) with a
 * history-API fallback, so `/flows/…` reloads work; the placeholder page when it is not built.
 */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const indexFile = new URL('index.html', designerDir);
  if (!existsSync(indexFile)) {
    const page = readFileSync(placeholder);
    app.get(
      '/',
      { schema: { summary: 'Home page (the designer is not built)' } },
      (_request, reply) => reply.type('text/html; charset=utf-8').send(page),
    );
    return;
  }
  const page = readFileSync(indexFile);
  // Hashed file names: safe to cache for ever.
  await app.register(fastifyStatic, {
    root: new URL('assets/', designerDir).pathname,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
  });
  const favicon = readFileSync(new URL('favicon.svg', designerDir));
  app.get('/favicon.svg', { schema: { hide: true } }, (_request, reply) =>
    reply.type('image/svg+xml').send(favicon),
  );
  const sendPage = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  app.get('/', { schema: { summary: 'The designer (web app)' } }, (_request, reply) =>
    sendPage(reply),
  );
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (serverPaths.test(request.url) || request.method !== 'GET') return reply.callNotFound();
    return sendPage(reply);
  });
};
