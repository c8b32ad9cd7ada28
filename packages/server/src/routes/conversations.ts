import {
  attachmentSchema,
  conversationStatuses,
  EngineError,
  visibilitySchema,
  type ConversationEventInput,
  type Json,
} from '@attendflow/engine';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { callerOf } from '../plugins/auth.js';
import { agentOptions } from '../services/agent-options.js';
import {
  conversationChannel,
  conversationSummary,
  getConversation,
  listConversations,
} from '../services/conversation-queries.js';
import { ServerError } from '../services/errors.js';

const params = z.object({ id: z.uuid() });
const idempotencyKey = z.object({
  'idempotency-key': z.string().min(1).max(200).optional(),
});
const text = z.string().nullable();
const summaryView = z.object({
  id: z.string(),
  connectionId: z.string(),
  channel: z.string(),
  externalId: z.string(),
  status: z.enum(conversationStatuses),
  flowState: z.string(),
  sector: text,
  occurrenceType: text,
  occurrence: text,
  solution: text,
  assignee: text,
  queue: text,
  answerDueAt: text,
  subject: text,
  customer: z.record(z.string(), z.unknown()),
  flowVersionId: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: text,
});
const detailView = summaryView.extend({
  flowVersion: z.object({ id: z.string(), flowId: z.string(), number: z.number() }).nullable(),
  transcript: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['inbound', 'outbound']),
      author: z.enum(['customer', 'bot', 'agent']),
      agentId: text,
      visibility: z.enum(['public', 'private']).nullable(),
      text: z.string(),
      attachments: z.array(z.unknown()),
      nodeId: text,
      state: z.enum(['received', 'pending', 'sent', 'dead']),
      error: text,
      createdAt: z.string(),
      notBefore: text,
      sentAt: text,
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      actor: text,
      payload: z.record(z.string(), z.unknown()),
      trace: z.array(z.unknown()),
      effects: z.array(z.unknown()),
      createdAt: z.string(),
    }),
  ),
});
const actionResult = z.object({
  status: z.enum(['applied', 'duplicate']),
  seq: z.number().nullable(),
  conversation: summaryView,
});

/** The inbox (any signed-in user): list and read conversations, and act on them as an agent. */
export const conversationRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  const { db } = core.database;
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/conversations',
    {
      schema: {
        summary: 'Conversations, newest first; `nextCursor` fetches the next page',
        querystring: z.strictObject({
          status: z
            .string()
            .transform((value) => value.split(','))
            .pipe(z.array(z.enum(conversationStatuses)))
            .optional(),
          channel: z.string().min(1).max(100).optional(),
          connectionId: z.uuid().optional(),
          sector: z.string().min(1).max(200).optional(),
          assignee: z.string().min(1).max(100).optional().describe('a user id, `me` or `none`'),
          text: z.string().trim().min(1).max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: z.object({ items: z.array(summaryView), nextCursor: text }) },
      },
    },
    (request) => {
      const { assignee, ...filter } = request.query;
      return listConversations(db, {
        ...filter,
        assignee:
          assignee === 'me' ? callerOf(request).userId : assignee === 'none' ? null : assignee,
      });
    },
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        summary: 'A conversation with its transcript and event log',
        params,
        response: { 200: detailView },
      },
    },
    (request) => getConversation(db, request.params.id),
  );

  app.get(
    '/conversations/:id/options',
    {
      schema: {
        summary: 'What the calling agent may do now, as the engine decides (nothing is applied)',
        params,
        response: { 200: optionsView },
      },
    },
    (request) =>
      agentOptions(
        { db, engine: core.engine, versions: core.versions, now: core.now },
        request.params.id,
        callerOf(request).userId,
      ),
  );

  /** Applies an agent action as the caller; a channel rule's refusal is a 409 naming the rule. */
  const act = async (
    request: FastifyRequest<{ Params: { id: string }; Headers: { 'idempotency-key'?: string } }>,
    event: ConversationEventInput,
  ) => {
    const { id } = request.params;
    const caller = callerOf(request);
    const key = request.headers['idempotency-key'];
    let outcome;
    try {
      outcome = await core.runtime.dispatch(id, event, {
        actor: `agent:${caller.userId}`,
        ...(key ? { dedupKey: `agent:${caller.userId}:${key}` } : {}),
      });
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CONVERSATION_NOT_STARTED') {
        throw new ServerError(
          'CONVERSATION_NOT_STARTED',
          'the flow never started on this conversation',
          undefined,
          { cause: error },
        );
      }
      throw error;
    }
    if (outcome.status === 'rejected') {
      throw new ServerError('CHANNEL_RULE_VIOLATION', outcome.rejection.message, {
        rule: outcome.rejection.code,
        ...(outcome.rejection.params ? { params: outcome.rejection.params } : {}),
      });
    }
    return {
      status: outcome.status,
      seq: outcome.status === 'applied' ? outcome.seq : null,
      conversation: await conversationSummary(db, id),
    };
  };
  const agentId = (request: FastifyRequest) => callerOf(request).userId;
  const common = (summary: string) => ({
    summary,
    params,
    headers: idempotencyKey,
    response: { 200: actionResult },
  });

  app.post(
    '/conversations/:id/take',
    { schema: common('Take the conversation: it is assigned to the caller') },
    (request) =>
      act(request, {
        type: 'agent.took',
        agentId: agentId(request),
        agentName: callerOf(request).name,
      }),
  );

  app.post(
    '/conversations/:id/transfer',
    {
      schema: {
        ...common('Hand the conversation to another sector: it waits there, unassigned'),
        body: transferBody,
      },
    },
    (request) =>
      act(request, {
        type: 'agent.transferred',
        agentId: agentId(request),
        sector: request.body.sector,
      }),
  );

  app.post(
    '/conversations/:id/reply',
    {
      schema: {
        ...common('Answer the customer; public or private where the channel has both'),
        body: replyBody,
      },
    },
    (request) => act(request, { type: 'agent.reply', agentId: agentId(request), ...request.body }),
  );

  app.post(
    '/conversations/:id/request-evaluation',
    { schema: common('Ask the customer to evaluate the attendance') },
    (request) => act(request, { type: 'agent.requested-evaluation', agentId: agentId(request) }),
  );

  /** A channel action, its payload checked by the channel's own schema (a bad field is a 400). */
  const channelAction = async (
    request: FastifyRequest<{ Params: { id: string }; Headers: { 'idempotency-key'?: string } }>,
    action: string,
    body: Record<string, unknown>,
  ) => {
    // Only the channel, which never changes: the summary is read once, after the action.
    const channel = await conversationChannel(db, request.params.id);
    return act(request, {
      type: 'agent.action',
      agentId: agentId(request),
      action,
      payload: checkActionPayload(core, channel, action, body),
    });
  };

  app.post(
    '/conversations/:id/request-moderation',
    {
      schema: {
        ...common('Ask the channel to moderate the complaint (Reclame Aqui)'),
        body: moderationBody,
      },
    },
    (request) => channelAction(request, moderationAction, request.body),
  );

  app.post(
    '/conversations/:id/actions/:action',
    {
      schema: {
        ...common('Request a channel action (Wish close, appeal, re-open, reply-and-resolve …)'),
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
      },
    },
    (request) => channelAction(request, request.params.action, request.body ?? {}),
  );

  app.post(
    '/conversations/:id/close',
    { schema: { ...common('Close the attendance with a solution'), body: closeBody } },
    (request) => {
      const solution = request.body?.solution;
      return act(request, {
        type: 'agent.closed',
        agentId: agentId(request),
        ...(solution ? { solution } : {}),
      });
    },
  );
};

const option = z.object({ allowed: z.boolean(), code: text, message: text });
const optionsView = z.object({
  reply: z.object({ public: option, private: option }),
  requestEvaluation: option,
  transfer: option,
  close: option,
});

const moderationAction = 'moderation.request';
const transferBody = z.strictObject({ sector: z.string().trim().min(1).max(200) });
const actionParams = params.extend({
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'an action name such as "ticket.close"'),
});

const replyBody = z.strictObject({
  text: z.string().trim().min(1).max(20_000),
  visibility: visibilitySchema.optional(),
  attachments: z.array(attachmentSchema).max(20).optional(),
});

// The channel's own schema (Reclame Aqui's moderation request) checks the fields.
const moderationBody = z.record(z.string(), z.unknown());

const closeBody = z
  .strictObject({ solution: z.string().trim().min(1).max(200).optional() })
  .optional();

/**
 * Checks an action's payload with the channel's own schema, so a bad field is a 400 naming it;
 * a channel without the action is left to the engine, which refuses it by rule (409).
 */
function checkActionPayload(
  core: Core,
  channel: string,
  action: string,
  payload: Record<string, unknown>,
): Record<string, Json> {
  const definition = core.registry.channel(channel)?.actions[action];
  const parsed = definition?.payload.safeParse(payload);
  if (parsed && !parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ServerError(
      'VALIDATION_FAILED',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      { issues },
    );
  }
  return JSON.parse(JSON.stringify(payload)) as Record<string, Json>;
}
