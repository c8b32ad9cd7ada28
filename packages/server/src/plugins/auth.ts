import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServerError } from '../services/errors.js';
import type { Caller, UserService } from '../services/users.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** preHandler: any signed-in user (admin or agent). */
    requireUser: (request: FastifyRequest) => Promise<void>;
    /** preHandler: admins only. */
    requireAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

/** Reads `Authorization: Bearer <token>` into `request.caller`; routes choose who may call them. */
export const auth = fp(
  (app: FastifyInstance, options: { users: UserService }) => {
    app.decorateRequest('caller', null);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer '))
        request.caller = await options.users.resolve(header.slice(7).trim());
    });
    const requireUser = (request: FastifyRequest) => {
      if (!request.caller) {
        return Promise.reject(
          new ServerError('UNAUTHENTICATED', 'sign in: send "Authorization: Bearer <token>"'),
        );
      }
      return Promise.resolve();
    };
    app.decorate('requireUser', requireUser);
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      await requireUser(request);
      if (request.caller?.role !== 'admin')
        throw new ServerError('FORBIDDEN', 'this needs an admin');
    });
  },
  { name: 'auth' },
);

/** The signed-in caller (after `requireUser`). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new ServerError('UNAUTHENTICATED', 'sign in first');
  return request.caller;
}
