import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../keyboard.js';
import { AUTH_HEADER, vibeStatus, vibeStatusMessages } from '../vibe-api.js';
import { sendCallback } from './send-callback.js';
import { takeToken, type SimState } from './sim-state.js';

/** What a simulator route answers: JSON with an HTTP status, or no answer at all (a timeout). */
export type SimReply = { status: number; json: unknown } | 'hang';

/** Fixed facts of the simulated bot. */
export interface SimAccount {
  authToken: string;
  id: string;
  name: string;
}

const sendSchema = z.object({
  receiver: z.string().min(1),
  type: z.literal('text'),
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  sender: z.object({ name: z.string().min(1).max(28) }),
  tracking_data: z.string().max(4096).optional(),
  keyboard: z
    .object({
      Buttons: z
        .array(z.object({ ActionBody: z.string() }))
        .min(1)
        .max(24),
    })
    .optional(),
});

const webhookSchema = z.object({
  url: z.string(),
  event_types: z.array(z.string()).optional(),
});

const answer = (status: number, extra: Record<string, unknown> = {}): SimReply => ({
  status: 200,
  json: { status, status_message: vibeStatusMessages[status] ?? 'unknown', ...extra },
});

/**
 * The bot API under `/pa/`: HTTP 200 with a Vibe `status` for every outcome, as Viber does,
 * except for the injected faults (HTTP 429 / 5xx, or no answer).
 */
export async function handleVendor(
  state: SimState,
  account: SimAccount,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: unknown,
): Promise<SimReply> {
  if (headers[AUTH_HEADER] !== account.authToken) return answer(vibeStatus.invalidAuthToken);
  switch (path) {
    case '/pa/set_webhook':
      return setWebhook(state, account, body);
    case '/pa/send_message':
      return sendMessage(state, body);
    case '/pa/get_account_info':
      return answer(vibeStatus.ok, {
        id: account.id,
        name: account.name,
        uri: account.name.toLowerCase().replace(/\W+/g, ''),
        webhook: state.webhook?.url ?? '',
        event_types: state.webhook?.eventTypes ?? [],
        subscribers_count: [...state.users.values()].filter((user) => user.subscribed).length,
      });
    default:
      return { status: 404, json: { error: `no endpoint ${path}` } };
  }
}

async function setWebhook(state: SimState, account: SimAccount, body: unknown): Promise<SimReply> {
  const parsed = webhookSchema.safeParse(body);
  if (!parsed.success) return answer(vibeStatus.missingData);
  const { url, event_types: eventTypes = [] } = parsed.data;
  if (url === '') {
    state.webhook = null;
    return answer(vibeStatus.ok);
  }
  // Vibe checks the URL before accepting it: a signed `webhook` callback must get HTTP 200.
  const check = await sendCallback(
    state,
    account.authToken,
    { event: 'webhook', timestamp: Date.now(), message_token: takeToken(state) },
    url,
  );
  if (!check.sent || check.status !== 200) return answer(vibeStatus.invalidUrl);
  state.webhook = { url, eventTypes };
  return answer(vibeStatus.ok, { event_types: eventTypes });
}

function sendMessage(state: SimState, body: unknown): SimReply {
  const fault = state.faults.shift();
  if (fault === 'timeout') return 'hang';
  if (fault === '429') return { status: 429, json: { error: 'Too Many Requests' } };
  if (fault === '500' || fault === '503') return { status: Number(fault), json: {} };
  if (fault === 'status-12') return answer(vibeStatus.tooManyRequests);
  const parsed = sendSchema.safeParse(body);
  if (!parsed.success) return answer(vibeStatus.badData);
  if (!state.webhook) return answer(vibeStatus.webhookNotSet);
  const message = parsed.data;
  const user = state.users.get(message.receiver);
  if (!user) return answer(vibeStatus.receiverNotRegistered);
  if (!user.subscribed) return answer(vibeStatus.receiverNotSubscribed);
  const token = takeToken(state);
  state.sent.push({
    token: String(token),
    receiver: user.id,
    text: message.text,
    buttons: message.keyboard?.Buttons.map((button) => button.ActionBody) ?? [],
    trackingData: message.tracking_data ?? null,
    at: Date.now(),
  });
  return answer(vibeStatus.ok, { message_token: token, chat_hostname: 'SN-SIM_' });
}
