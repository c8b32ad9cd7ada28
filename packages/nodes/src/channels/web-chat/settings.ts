import { ui } from '@attendflow/engine';
import { z } from 'zod';

/** A customer field the chat asks for before it starts. */
export const preChatFieldSchema = z
  .object({
    field: ui(z.enum(['name', 'email', 'phone', 'custom']), { label: 'Field', widget: 'select' }),
    label: ui(z.string().trim().max(100).default(''), {
      label: 'Label',
      help: 'Shown to the visitor; required for a custom field.',
    }),
    required: ui(z.boolean().default(false), { label: 'Required', widget: 'switch' }),
  })
  .refine((item) => item.field !== 'custom' || item.label !== '', {
    path: ['label'],
    message: 'give the custom field a label',
  });

/** Silence after which the chat is closed: whole hours or days. */
export const autoCloseSchema = z.object({
  amount: z.number().int('use a whole number').positive('must be greater than zero'),
  unit: z.enum(['hours', 'days']),
});

/**
 * Settings of a web-chat widget, after the seed's site-chat options. The seed's auto-replies with
 * a delay are drawn in the flow (the auto-reply delay node), not configured here.
 */
export const webChatSettings = z.object({
  distributeTo: ui(z.string().trim().min(1, 'choose the sector that receives the chats'), {
    label: 'Distribute to',
    help: 'Sector whose agents receive the chats; agents outside it do not see them.',
  }),
  offHoursEmail: ui(z.email('enter the e-mail that receives messages outside business hours'), {
    label: 'Off-hours e-mail',
    help: 'Outside business hours each message is sent to this address in its own e-mail.',
  }),
  showOperatorName: ui(z.boolean().default(true), {
    label: 'Show the operator’s name',
    widget: 'switch',
  }),
  showOperatorPhoto: ui(z.boolean().default(false), {
    label: 'Show the operator’s photo',
    widget: 'switch',
  }),
  offerRating: ui(z.boolean().default(true), {
    label: 'Offer a rating',
    help: 'The visitor may rate the attendance good or bad at the end.',
    widget: 'switch',
  }),
  preChatFields: ui(z.array(preChatFieldSchema).max(10, 'ask for at most 10 fields').default([]), {
    label: 'Ask before the chat starts',
    help: 'Ask only for what you need.',
    widget: 'list',
  }),
  showPreChatFieldsOffHours: ui(z.boolean().default(true), {
    label: 'Ask these fields outside business hours too',
    widget: 'switch',
  }),
  autoCloseAfter: ui(autoCloseSchema.nullable().default({ amount: 24, unit: 'hours' }), {
    label: 'Close after silence of',
    help: 'Hours or days without messages after which the chat is closed; empty: never.',
  }),
});

/** {@link webChatSettings}' type. */
export type WebChatSettings = z.infer<typeof webChatSettings>;
