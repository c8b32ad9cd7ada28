import { secret, ui } from '@attendflow/engine';
import { z } from 'zod';
import { telegramLimits } from './limits.js';

/**
 * Settings of a Telegram bot connection: the token from @BotFather, how updates arrive (a webhook
 * at a public address, or polling with `getUpdates` where there is none) and delivery behaviour.
 */
export const telegramSettings = z
  .object({
    botToken: secret(
      z
        .string()
        .trim()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'paste the token @BotFather gave you (123456:ABC…)'),
      {
        label: 'Bot token',
        help: 'From @BotFather. Checked with getMe when you save: the bot’s name appears here.',
        group: 'Connection',
      },
    ),
    receiveBy: ui(z.enum(['webhook', 'polling']).default('polling'), {
      label: 'Receive messages by',
      help: 'Webhook needs an address Telegram can reach; polling works anywhere.',
      widget: 'select',
      options: { webhook: 'Webhook (public address)', polling: 'Polling (getUpdates)' },
      group: 'Connection',
    }),
    // The adapter cannot know the connection's id, so the full inbound address is a setting.
    // The server fills it in when empty; a proxy's address may be given instead.
    webhookUrl: ui(
      z.url({ protocol: /^https?$/, error: 'the webhook URL must be an http(s) URL' }).optional(),
      {
        label: 'Webhook URL',
        help: 'The public address of this connection’s inbound webhook (…/api/channels/<id>/inbound); attendflow fills it in when left empty.',
        group: 'Connection',
        filledByHost: 'inboundUrl',
      },
    ),
    webhookSecret: secret(
      z
        .string()
        .regex(telegramLimits.secretTokenPattern, 'use 1–256 characters: A-Z a-z 0-9 _ -')
        .optional(),
      {
        label: 'Webhook secret',
        help: 'Telegram sends it in every webhook request. Empty: derived from the bot token.',
        group: 'Connection',
      },
    ),
    pollIntervalSeconds: ui(
      z
        .number()
        .int('use whole seconds')
        .min(1)
        .max(300, 'poll at least every 5 minutes')
        .default(3),
      {
        label: 'Poll every (seconds)',
        help: 'Only in polling mode.',
        widget: 'number',
        group: 'Advanced',
      },
    ),
    ambiguousSend: ui(z.enum(['retry', 'fail']).default('retry'), {
      label: 'When a send times out',
      help: 'Telegram cannot tell whether a timed-out message arrived: resend it (the customer may see it twice) or mark it failed for an agent (it may be missing).',
      widget: 'select',
      options: {
        retry: 'Resend (never lost, maybe twice)',
        fail: 'Fail (never twice, maybe lost)',
      },
      group: 'Advanced',
    }),
    requestTimeoutMs: ui(z.number().int().min(100).max(60_000).default(10_000), {
      label: 'Request timeout (ms)',
      widget: 'number',
      group: 'Advanced',
    }),
    apiBaseUrl: ui(z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'), {
      label: 'Bot API server',
      help: 'Change only for a self-hosted Bot API server.',
      group: 'Advanced',
    }),
  })
  .refine((settings) => settings.receiveBy !== 'webhook' || settings.webhookUrl !== undefined, {
    path: ['webhookUrl'],
    message: 'webhook mode needs the public webhook URL; choose polling where there is none',
  });

/** {@link telegramSettings}' type. */
export type TelegramSettings = z.infer<typeof telegramSettings>;
