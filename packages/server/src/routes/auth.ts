import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tokenKinds, userRoles } from '../db/schema/index.js';
import { callerOf } from '../plugins/auth.js';
import { ServerError } from '../services/errors.js';
import { noContent } from './no-content.js';
import type { UserService } from '../services/users.js';

const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  isDisabled: z.boolean(),
  createdAt: z.string(),
});

/** An API token as its owner sees it: never its text. */
const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(tokenKinds),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** Login, the caller, users (admins) and API tokens. */
export const authRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Sign in with e-mail and password; returns a bearer token',
        body: z.strictObject({ email: z.string().email(), password: z.string().min(1) }),
        response: { 200: z.object({ token: z.string(), user }) },
      },
    },
    (request) => users.login(request.body.email, request.body.password),
  );

  app.get(
    '/auth/me',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'The signed-in user',
        response: { 200: user.omit({ isDisabled: true, createdAt: true }) },
      },
    },
    (request) => {
      const caller = callerOf(request);
      return { id: caller.userId, email: caller.email, name: caller.name, role: caller.role };
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: app.requireUser,
      schema: { summary: 'Revoke the token used for this call', response: { 204: noContent } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await users.revoke(caller.tokenId, caller.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      preHandler: app.requireAdmin,
      schema: { summary: 'List users', response: { 200: z.array(user) } },
    },
    () => users.list(),
  );

  app.post(
    '/users',
    {
      preHandler: app.requireAdmin,
      schema: {
        summary: 'Create a user',
        body: z.strictObject({
          email: z.string().email(),
          name: z.string().trim().min(1).max(200),
          role: z.enum(userRoles),
          password: z.string().min(10, 'use at least 10 characters').max(200),
        }),
        response: { 201: user },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(request.body)),
  );

  app.get(
    '/tokens',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'My API tokens (without their text)',
        response: { 200: z.array(tokenView) },
      },
    },
    (request) => users.tokens(callerOf(request).userId),
  );

  app.post(
    '/tokens',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Create an API token; its text is shown only in this answer',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ token: z.string(), name: z.string() }) },
      },
    },
    async (request, reply) => {
      const token = await users.issue(callerOf(request).userId, 'api', request.body.name);
      return reply.status(201).send({ token, name: request.body.name });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Revoke one of my tokens',
        params: z.object({ id: z.string().uuid() }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      if (!(await users.revoke(request.params.id, callerOf(request).userId))) {
        throw new ServerError('NOT_FOUND', `token ${request.params.id} not found`);
      }
      return reply.status(204).send(null);
    },
  );
};
