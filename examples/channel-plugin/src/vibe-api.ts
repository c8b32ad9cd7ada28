import { z } from 'zod';

/** The header that carries the bot's token on every call to the Vibe REST API. */
export const AUTH_HEADER = 'x-viber-auth-token';
/** The header that carries the HMAC-SHA256 signature of a callback's body. */
export const SIGNATURE_HEADER = 'x-viber-content-signature';

/** Vibe's `status` codes (HTTP is 200 for all of them), after Viber's REST Bot API. */
export const vibeStatus = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  badData: 3,
  missingData: 4,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  accountBlocked: 7,
  accountNotFound: 8,
  accountSuspended: 9,
  webhookNotSet: 10,
  receiverNoSuitableDevice: 11,
  tooManyRequests: 12,
} as const;

/** The status messages Vibe sends with each code. */
export const vibeStatusMessages: Record<number, string> = {
  0: 'ok',
  1: 'invalidUrl',
  2: 'invalidAuthToken',
  3: 'badData',
  4: 'missingData',
  5: 'receiverNotRegistered',
  6: 'receiverNotSubscribed',
  7: 'publicAccountBlocked',
  8: 'publicAccountNotFound',
  9: 'publicAccountSuspended',
  10: 'webhookNotSet',
  11: 'receiverNoSuitableDevice',
  12: 'tooManyRequests',
};

/** Events a webhook may subscribe to (`webhook` itself is always sent). */
export const vibeEventTypes = [
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
] as const;

/** The answer of every Vibe call; `message_token` only on `send_message`. */
export const vibeResponseSchema = z.looseObject({
  status: z.number().int(),
  status_message: z.string(),
  message_token: z.union([z.number(), z.string()]).optional(),
});

/** {@link vibeResponseSchema}'s type. */
export type VibeResponse = z.infer<typeof vibeResponseSchema>;

/** A reply button of a keyboard: tapping it sends `ActionBody` back as the user's text. */
export interface VibeButton {
  ActionType: 'reply';
  ActionBody: string;
  Text: string;
  Columns: number;
  Rows: number;
}

/** The body of `POST /pa/send_message` for a text message. */
export interface VibeSendMessage {
  receiver: string;
  type: 'text';
  text: string;
  sender: { name: string };
  /** Echoed back in `delivered` / `seen` callbacks: we put the idempotency key there. */
  tracking_data?: string;
  keyboard?: { Type: 'keyboard'; DefaultHeight: boolean; Buttons: VibeButton[] };
}
