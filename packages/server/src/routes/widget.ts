import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { ServerError } from '../services/errors.js';
import { loadWidgetConnection } from '../services/widget-connection.js';
import { WidgetSession } from '../services/widget-session.js';

const publicDir = fileURLToPath(new URL('../../public/widget/', import.meta.url));
// A handful of small files, read once: no static-file plugin needed.
const assets = {
  'widget.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(`${publicDir}widget.js`),
  },
  'widget.css': { type: 'text/css; charset=utf-8', body: readFileSync(`${publicDir}widget.css`) },
} as const;
const page = readFileSync(`${publicDir}index.html`);

/** Close code of a widget socket for an unknown or disabled chat. */
export const unknownChatCloseCode = 4404;

const connectionParams = z.object({ connectionId: z.string().max(100) });

/** The web-chat widget: its page, its files, and the visitor's websocket (public, no token). */
export const widgetRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  const notFound = (id: string) => new ServerError('NOT_FOUND', `no web chat ${id}`);

  app.get(
    '/widget',
    { schema: { summary: 'Redirects to the first active web chat (the home page’s demo link)' } },
    async (_request, reply) => {
      const [first] = await core.database.rows<{ id: string }>(
        `select id::text as id from channel_connections
         where type = 'web-chat' and status = 'active' order by created_at limit 1`,
      );
      if (!first) throw new ServerError('NOT_FOUND', 'no web-chat connection yet');
      return reply.redirect(`/widget/${first.id}`);
    },
  );

  app.get(
    '/widget/assets/:file',
    {
      schema: { summary: 'The widget’s script and style', params: z.object({ file: z.string() }) },
    },
    async (request, reply) => {
      const asset = assets[request.params.file as keyof typeof assets] as
        (typeof assets)[keyof typeof assets] | undefined;
      if (!asset) throw new ServerError('NOT_FOUND', `no widget file ${request.params.file}`);
      return reply.type(asset.type).header('cache-control', 'public, max-age=300').send(asset.body);
    },
  );

  app.get(
    '/widget/:connectionId',
    {
      schema: {
        summary: 'The chat widget page of a web-chat connection',
        params: connectionParams,
      },
    },
    async (request, reply) => {
      const { connectionId } = request.params;
      if (!(await loadWidgetConnection(core, connectionId))) throw notFound(connectionId);
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );

  app.get(
    '/api/widget/:connectionId',
    {
      websocket: true,
      schema: {
        summary:
          'The visitor’s websocket (widget frames in, transcript, rating prompt and close out)',
        params: connectionParams,
        querystring: z.object({
          session: z
            .string()
            .min(8)
            .max(100)
            .regex(/^[\w-]+$/, 'letters, digits, "-" and "_" only'),
        }),
      },
    },
    (socket, request) => {
      const { connectionId } = request.params;
      let session: WidgetSession | null = null;
      // Frames are handled one at a time, in order; the first waits for the session to open.
      let queue: Promise<void> = loadWidgetConnection(core, connectionId).then(
        async (connection) => {
          if (!connection) return socket.close(unknownChatCloseCode, 'unknown chat');
          session = new WidgetSession(
            core,
            connection,
            request.query.session,
            (frame) => {
              if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
            },
            (error) => request.log.error({ err: error }, 'widget update failed'),
          );
          await session.open();
        },
      );
      const fail = (error: unknown) => {
        request.log.error({ err: error }, 'widget frame failed');
        if (socket.readyState === socket.OPEN)
          socket.send(
            JSON.stringify({ type: 'error', code: 'INTERNAL', message: 'something went wrong' }),
          );
      };
      queue = queue.catch(fail);
      socket.on('message', (raw: Buffer) => {
        const text = raw.toString('utf8');
        queue = queue.then(() => session?.receive(text)).catch(fail);
      });
      socket.on('close', () => {
        queue = queue.then(() => session?.close());
      });
    },
  );
};
