import { secret, ui } from '@attendflow/engine';
import { z } from 'zod';

// A host name or an IP literal: no scheme, port, path or spaces (those belong to other fields).
const hostPattern =
  /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)$/i;

/**
 * Settings of an e-mail connection: the sender, the SMTP server it sends through, the signature
 * under every reply and the secret the inbound-parse webhook presents.
 */
export const emailSettings = z
  .object({
    fromAddress: ui(z.email('enter the address replies are sent from'), {
      label: 'From address',
      help: 'Replies are sent from this address; customers answer to it.',
      group: 'Sender',
    }),
    fromName: ui(z.string().trim().min(1, 'enter the name customers see').max(100), {
      label: 'From name',
      help: 'Shown to customers as the sender (“Loja Exemplo Atendimento”).',
      group: 'Sender',
    }),
    signature: ui(z.string().max(2000, 'keep the signature under 2000 characters').default(''), {
      label: 'Signature',
      help: 'Plain text added under every reply, after the standard “-- ” separator.',
      widget: 'textarea',
      group: 'Sender',
    }),
    smtpHost: ui(
      z.string().trim().regex(hostPattern, 'enter a host name such as smtp.example.com'),
      { label: 'SMTP host', group: 'SMTP' },
    ),
    smtpPort: ui(
      z.number().int('use a whole number').min(1).max(65_535, 'ports go up to 65535').default(587),
      {
        label: 'SMTP port',
        help: '587 (STARTTLS) or 465 (TLS) usually.',
        widget: 'number',
        group: 'SMTP',
      },
    ),
    smtpSecure: ui(z.boolean().default(false), {
      label: 'TLS from the start',
      help: 'On for port 465; off to upgrade with STARTTLS when the server offers it (port 587).',
      widget: 'switch',
      group: 'SMTP',
    }),
    smtpUser: ui(z.string().trim().max(320).default(''), {
      label: 'SMTP user',
      help: 'Empty when the server accepts mail without signing in.',
      group: 'SMTP',
    }),
    smtpPassword: secret(z.string().max(1000).default(''), {
      label: 'SMTP password',
      group: 'SMTP',
    }),
    connectionTimeoutMs: ui(
      z
        .number()
        .int()
        .min(1_000, 'wait at least 1000 ms')
        .max(120_000, 'wait at most 120000 ms')
        .default(15_000),
      {
        label: 'Connection timeout (ms)',
        help: 'How long to wait for the SMTP server to connect, greet and answer each command.',
        widget: 'number',
        group: 'SMTP',
      },
    ),
    inboundToken: secret(z.string().min(16, 'use at least 16 characters'), {
      label: 'Inbound token',
      help: 'Your inbound-parse provider sends it as “Authorization: Bearer …”, or as the password of basic auth in the webhook URL (https://mail:TOKEN@…).',
      group: 'Inbound',
    }),
  })
  .refine((settings) => settings.smtpUser === '' || settings.smtpPassword !== '', {
    path: ['smtpPassword'],
    message: 'enter the password of the SMTP user',
  });

/** {@link emailSettings}' type. */
export type EmailSettings = z.infer<typeof emailSettings>;
