import { z } from 'zod';

/**
 * What a channel allows, as data. The engine enforces it on every outbound message and channel
 * action (in the node context and on agent actions), and `validateFlow` checks flows against it.
 */
export const channelPoliciesSchema = z.object({
  /** Visibilities the channel has; a channel without a public/private split has only `public`. */
  visibilities: z
    .array(z.enum(['public', 'private']))
    .min(1)
    .default(['public']),
  /** Automatic (bot) messages are forced to this visibility (Reclame Aqui: `private`). */
  automaticVisibility: z.enum(['public', 'private']).optional(),
  /** Public answers: who may write them and how many per conversation. */
  publicAnswer: z
    .object({
      author: z.enum(['agent', 'any']).default('any'),
      max: z.number().int().positive().optional(),
    })
    .optional(),
  /** Nothing can be sent once the attendance is closed. */
  receptiveOnly: z.boolean().default(false),
  /** Minimum time between two outbound messages, in milliseconds. */
  minSpacingMs: z.number().int().nonnegative().default(0),
  /** When an evaluation may be requested. */
  evaluation: z
    .object({
      /** `public-answer`: only after the company's public answer; `company-message`: after any. */
      requires: z.enum(['none', 'company-message', 'public-answer']).default('none'),
      once: z.boolean().default(true),
    })
    .optional(),
  /** Replies only while the conversation awaits the company (Wish: ticket awaiting merchant). */
  replyOnlyWhenAwaitingCompany: z.boolean().default(false),
  /** The company must answer within this time after the customer writes, in milliseconds. */
  answerDeadlineMs: z.number().int().positive().optional(),
  /** Longest message body in characters. */
  maxBodyLength: z.number().int().positive().optional(),
  /** Whether messages may carry attachments. */
  attachments: z.boolean().default(false),
});

/** A channel's policies, defaults applied. */
export type ChannelPolicies = z.infer<typeof channelPoliciesSchema>;
/** A channel's policies as declared. */
export type ChannelPoliciesInput = z.input<typeof channelPoliciesSchema>;
