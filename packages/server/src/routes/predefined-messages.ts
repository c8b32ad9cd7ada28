import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { predefinedMessagesService as service } from '../services/predefined-messages.js';
import { noContent } from './no-content.js';

const params = z.object({ id: z.uuid() });
const scopeName = z.string().trim().min(1).max(200);
const messageView = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  sector: z.string().nullable(),
  channel: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const offeredView = z.object({
  id: z.string(),
  title: z.string(),
  /** As written, `{{…}}` placeholders included. */
  text: z.string(),
  /** Filled from the conversation: what the composer inserts. */
  rendered: z.string(),
  sector: z.string().nullable(),
  channel: z.string().nullable(),
});

/**
 * Predefined messages: admins keep them (global, per sector, per channel type or both); agents
 * read those that apply to the conversation they answer, placeholders filled.
 */
export const predefinedMessageRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (
  app,
  { core },
) => {
  const { db } = core.database;
  const channel = z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((type) => core.registry.channel(type) !== undefined, {
      error: (issue) => `unknown channel type "${String(issue.input)}"`,
    });
  const fields = {
    title: z.string().trim().min(1, 'give the message a title').max(200),
    text: z.string().trim().min(1, 'write the message').max(20_000),
    sector: scopeName.nullable().optional().describe('null or left out: every sector'),
    channel: channel
      .nullable()
      .optional()
      .describe('a channel type; null or left out: every channel'),
  };
  const admin = { onRequest: app.requireAdmin };

  app.get(
    '/predefined-messages',
    {
      ...admin,
      schema: {
        summary: 'Predefined messages (admins), the most specific first',
        querystring: z.strictObject({
          sector: scopeName.optional(),
          channel: scopeName.optional(),
        }),
        response: { 200: z.array(messageView) },
      },
    },
    (request) => service.list(db, request.query),
  );

  app.post(
    '/predefined-messages',
    {
      ...admin,
      schema: {
        summary: 'Add a predefined message',
        body: z.strictObject(fields),
        response: { 201: messageView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(db, request.body, core.now())),
  );

  app.get(
    '/predefined-messages/:id',
    {
      ...admin,
      schema: { summary: 'A predefined message', params, response: { 200: messageView } },
    },
    (request) => service.get(db, request.params.id),
  );

  app.patch(
    '/predefined-messages/:id',
    {
      ...admin,
      schema: {
        summary: 'Change a predefined message; fields left out keep their value',
        params,
        body: z.strictObject({
          title: fields.title.optional(),
          text: fields.text.optional(),
          sector: fields.sector,
          channel: fields.channel,
        }),
        response: { 200: messageView },
      },
    },
    (request) => service.update(db, request.params.id, request.body, core.now()),
  );

  app.delete(
    '/predefined-messages/:id',
    {
      ...admin,
      schema: { summary: 'Delete a predefined message', params, response: { 204: noContent } },
    },
    async (request, reply) => {
      await service.remove(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/conversations/:id/predefined-messages',
    {
      onRequest: app.requireUser,
      schema: {
        summary: 'The predefined messages that apply to the conversation, filled from it',
        params,
        response: { 200: z.object({ items: z.array(offeredView) }) },
      },
    },
    async (request) => ({ items: await service.forConversation(db, request.params.id) }),
  );
};
