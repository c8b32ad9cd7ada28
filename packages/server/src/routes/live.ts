import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { LiveSession } from '../services/live-session.js';
import type { UserService } from '../services/users.js';

/** Close code of a live socket without a valid token (browsers cannot read an upgrade's 401). */
export const unauthenticatedCloseCode = 4401;

/** Websocket `/live`: the inbox, one conversation or a flow's trace, as they change. */
export const liveRoutes: FastifyPluginAsyncZod<{ core: Core; users: UserService }> = async (
  app,
  { core, users },
) => {
  app.get(
    '/live',
    {
      websocket: true,
      schema: {
        summary:
          'Live updates (websocket): send {"subscribe": "inbox" | "conversation:<id>" | "flow:<flowId>"}',
        querystring: z.object({ token: z.string().max(200).optional() }),
      },
    },
    (socket, request) => {
      // Frames may arrive while the token is checked: keep them until the session exists.
      const early: string[] = [];
      let session: LiveSession | null = null;
      socket.on('message', (raw: Buffer) => {
        const text = raw.toString('utf8');
        if (session) session.receive(text);
        else if (early.length < 20) early.push(text);
      });
      socket.on('close', () => session?.close());
      const { token } = request.query;
      const caller = app
        .authenticate(request)
        .then((who) => who ?? (token ? users.resolve(token) : null));
      void caller
        .catch(() => null)
        .then((who) => {
          if (socket.readyState !== socket.OPEN) return;
          if (!who) return socket.close(unauthenticatedCloseCode, 'unauthenticated');
          session = new LiveSession(core.live, who, (frame) => {
            if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
          });
          for (const text of early.splice(0)) session.receive(text);
        });
    },
  );
};
