import { z } from 'zod';

// Not `.int()`: zod bounds integers to 2^53, and Vibe tokens are 64-bit (read exactly elsewhere).
const token = z.union(
  [z.number().nonnegative(), z.string().regex(/^\d+$/, 'must be a numeric token')],
  { error: 'must be a numeric token' },
);

const user = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  country: z.string().optional(),
  language: z.string().optional(),
});

/** Any callback: only `event` is looked at before the event is known to matter. */
export const callbackEnvelopeSchema = z.looseObject({ event: z.string().min(1) });

/** A customer's message (a tap on a keyboard button arrives as a text message too). */
export const messageCallbackSchema = z.looseObject({
  event: z.literal('message'),
  timestamp: z.number(),
  message_token: token,
  sender: user,
  message: z.looseObject({
    type: z.string().min(1),
    text: z.string().optional(),
    media: z.string().optional(),
    file_name: z.string().optional(),
  }),
});

/** The user subscribed to the bot: from now on the bot may write to them. */
export const subscribedCallbackSchema = z.looseObject({
  event: z.literal('subscribed'),
  timestamp: z.number(),
  message_token: token,
  user,
});

/** The user unsubscribed: the bot may not write to them any more. */
export const unsubscribedCallbackSchema = z.looseObject({
  event: z.literal('unsubscribed'),
  timestamp: z.number(),
  message_token: token,
  user_id: z.string().min(1),
});

/** {@link messageCallbackSchema}'s type. */
export type MessageCallback = z.infer<typeof messageCallbackSchema>;
/** A Vibe user as callbacks describe them. */
export type VibeUser = z.infer<typeof user>;
