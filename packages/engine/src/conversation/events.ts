import { z } from 'zod';
import { jsonSchema } from '../json.js';

/** Public (visible on the channel's page) or private (to the customer only, e.g. e-mail). */
export const visibilitySchema = z.enum(['public', 'private']);
/** {@link visibilitySchema}'s type. */
export type Visibility = z.infer<typeof visibilitySchema>;

/** A file carried by a message. */
export const attachmentSchema = z.object({
  name: z.string().min(1),
  url: z.string().min(1),
  contentType: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});
/** {@link attachmentSchema}'s type. */
export type Attachment = z.infer<typeof attachmentSchema>;

/** The customer as the channel knows them. */
export const customerSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  fields: z.record(z.string(), jsonSchema).default({}),
});
/** {@link customerSchema}'s type. */
export type Customer = z.infer<typeof customerSchema>;

/** Where a new attendance starts before the flow routes it (a connection's configured defaults). */
export const attendanceDefaultsSchema = z
  .object({
    sector: z.string().min(1),
    occurrenceType: z.string().min(1),
    occurrence: z.string().min(1),
    solution: z.string().min(1),
    assignee: z.string().min(1),
  })
  .partial();

/** A new conversation on a channel: the first event of every conversation. */
export const conversationStartedSchema = z.object({
  type: z.literal('conversation.started'),
  channel: z.string().min(1),
  externalId: z.string().optional(),
  subject: z.string().optional(),
  customer: customerSchema.default({ fields: {} }),
  /** The customer's first message (a complaint's text, a ticket's question), if any. */
  text: z.string().optional(),
  /** Channel facts the flow can route on (city, state, ticket category, …). */
  metadata: z.record(z.string(), jsonSchema).default({}),
  /** Per-connection policy values (e.g. the spacing a connection configured). */
  policies: z.record(z.string(), jsonSchema).optional(),
  /** The connection's defaults for new attendances; the flow's route nodes may change them. */
  defaults: attendanceDefaultsSchema.optional(),
});

/** The customer wrote. */
export const customerMessageSchema = z.object({
  type: z.literal('customer.message'),
  messageId: z.string().optional(),
  text: z.string(),
  attachments: z.array(attachmentSchema).default([]),
});

/** An agent took the conversation. */
export const agentTookSchema = z.object({
  type: z.literal('agent.took'),
  agentId: z.string().min(1),
  agentName: z.string().optional(),
});

/** An agent handed the conversation to another sector: it waits there, unassigned. */
export const agentTransferredSchema = z.object({
  type: z.literal('agent.transferred'),
  agentId: z.string().min(1),
  sector: z.string().trim().min(1).max(200),
});

/** An agent answered; the visibility is what the agent chose. */
export const agentReplySchema = z.object({
  type: z.literal('agent.reply'),
  agentId: z.string().min(1),
  text: z.string().min(1),
  visibility: visibilitySchema.default('public'),
  attachments: z.array(attachmentSchema).default([]),
});

/** An agent asked the customer to evaluate the attendance. */
export const agentRequestedEvaluationSchema = z.object({
  type: z.literal('agent.requested-evaluation'),
  agentId: z.string().min(1),
});

/** The customer evaluated (RA evaluation, web-chat good/bad, CSAT …). */
export const customerEvaluatedSchema = z.object({
  type: z.literal('customer.evaluated'),
  /** Normalised score 0–10 where the channel has one. */
  score: z.number().min(0).max(10).optional(),
  rating: z.enum(['good', 'bad']).optional(),
  resolved: z.boolean().optional(),
  wouldDoBusinessAgain: z.boolean().optional(),
  comment: z.string().optional(),
  answers: z.record(z.string(), jsonSchema).default({}),
});

/** A durable timer armed by a node fell due. */
export const timerFiredSchema = z.object({
  type: z.literal('timer.fired'),
  timerId: z.string().min(1),
});

/** An agent closed the attendance with a solution. */
export const agentClosedSchema = z.object({
  type: z.literal('agent.closed'),
  agentId: z.string().min(1),
  solution: z.string().optional(),
});

/** A channel-specific agent action (RA moderation request, Wish appeal …). */
export const agentActionSchema = z.object({
  type: z.literal('agent.action'),
  agentId: z.string().min(1),
  action: z.string().min(1),
  payload: z.record(z.string(), jsonSchema).default({}),
});

/** Something happened on the channel (moderation decided, ticket state changed …). */
export const channelEventSchema = z.object({
  type: z.templateLiteral([
    'channel.',
    z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'must look like "channel.<name>"'),
  ]),
  payload: z.record(z.string(), jsonSchema).default({}),
});

/**
 * Every event a conversation accepts.
 *
 * @example
 * const parsed = conversationEventSchema.safeParse(body);
 */
export const conversationEventSchema = z.union([
  z.discriminatedUnion('type', [
    conversationStartedSchema,
    customerMessageSchema,
    agentTookSchema,
    agentTransferredSchema,
    agentReplySchema,
    agentRequestedEvaluationSchema,
    customerEvaluatedSchema,
    timerFiredSchema,
    agentClosedSchema,
    agentActionSchema,
  ]),
  channelEventSchema,
]);

/** An event as the host sends it (defaults not yet applied). */
export type ConversationEventInput = z.input<typeof conversationEventSchema>;
/** A parsed event. */
export type ConversationEvent = z.infer<typeof conversationEventSchema>;
/** The first event of a conversation. */
export type ConversationStarted = z.infer<typeof conversationStartedSchema>;
export type AttendanceDefaults = z.infer<typeof attendanceDefaultsSchema>;
/** A channel event. */
export type ChannelEvent = z.infer<typeof channelEventSchema>;
/** Events written by an agent: refused as a whole when a channel rule forbids them. */
export type AgentEvent = Extract<ConversationEvent, { type: `agent.${string}` }>;

/** True for events an agent caused. */
export function isAgentEvent(event: ConversationEvent): event is AgentEvent {
  return event.type.startsWith('agent.');
}
