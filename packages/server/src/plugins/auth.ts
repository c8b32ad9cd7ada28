import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServerError } from '../services/errors.js';
import type { Caller, UserService } from '../services/users.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Resolves `Authorization: Bearer <token>` into `request.caller` (once per request). */
    authenticate: (request: FastifyRequest) => Promise<Caller | null>;
    /** preHandler: any signed-in user (admin or agent). */
    requireUser: (request: FastifyRequest) => Promise<void>;
    /** preHandler: admins only. */
    requireAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * Resolves `Authorization: Bearer <token>` into `request.caller` when a route asks for a user, and
 * only then: a channel webhook's bearer secret is not a user token and costs no lookup.
 */
export const auth = fp(
  (app: FastifyInstance, options: { users: UserService }) => {
    const resolved = new WeakSet<FastifyRequest>();
    app.decorateRequest('caller', null);
    const authenticate = async (request: FastifyRequest) => {
      if (resolved.has(request)) return request.caller;
      resolved.add(request);
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer '))
        request.caller = await options.users.resolve(header.slice(7).trim());
      return request.caller;
    };
    app.decorate('authenticate', authenticate);
    const requireUser = async (request: FastifyRequest) => {
      if (!(await authenticate(request))) {
        throw new ServerError('UNAUTHENTICATED', 'sign in: send "Authorization: Bearer <token>"');
      }
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
