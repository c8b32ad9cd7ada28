import { defineChannel, secret, ui } from '@attendflow/engine';
import { z } from 'zod';

const HOUR_MS = 3_600_000;

/** Settings of a Wish merchant connection (tickets are polled: API v2 has no push). */
export const wishSettings = z.object({
  accessToken: secret(
    z.string().trim().min(1, 'enter the access token of your Wish merchant app'),
    {
      label: 'Access token',
      help: 'OAuth access token of the merchant app, with permission to read and answer tickets.',
    },
  ),
  syncIntervalMinutes: ui(
    z
      .number()
      .int('use whole minutes')
      .min(5, 'sync at most every 5 minutes')
      .max(1440, 'sync at least once a day (1440 minutes)')
      .default(15),
    {
      label: 'Sync interval (minutes)',
      help: 'How often tickets awaiting your response are fetched.',
    },
  ),
  defaultLanguage: ui(
    z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a language code such as "en" or "pt-BR"')
      .default('en'),
    {
      label: 'Default language',
      help: 'Language of the translations shown to agents when the buyer’s is unknown.',
    },
  ),
});

/** {@link wishSettings}' type. */
export type WishSettings = z.infer<typeof wishSettings>;

const noPayload = z.strictObject({});

/**
 * Wish merchant support tickets: one public thread, a reply only while the ticket awaits the
 * merchant, 48 h to answer, at most 2000 characters (confirmed for API v3; assumed the same for
 * v2, which we target). Wish measures CSAT itself; merchants cannot request an evaluation.
 */
export const wish = defineChannel({
  type: 'wish',
  label: 'Wish',
  icon: 'wish',
  description:
    'Wish merchant support tickets (pre-purchase, post-purchase, post-customer-support).',
  settings: wishSettings,
  policies: {
    visibilities: ['public'],
    receptiveOnly: false,
    replyOnlyWhenAwaitingCompany: true,
    answerDeadlineMs: 48 * HOUR_MS,
    maxBodyLength: 2000,
    attachments: false,
  },
  actions: {
    'ticket.close': { label: 'Close ticket', payload: noPayload, by: 'agent' },
    'ticket.appeal': { label: 'Appeal to Wish support', payload: noPayload, by: 'agent' },
    'ticket.reopen': {
      label: 'Re-open ticket',
      // API v2's re-open carries a message to the buyer, under the same length limit as replies.
      payload: z.strictObject({
        reply: ui(
          z
            .string()
            .trim()
            .min(1, 'write the message sent with the re-opening')
            .max(2000, 'Wish takes at most 2000 characters'),
          {
            label: 'Message',
            widget: 'textarea',
          },
        ),
      }),
      by: 'agent',
    },
  },
});
