import { defineChannel, secret, ui } from '@attendflow/engine';
import { z } from 'zod';

/** Settings of an API channel connection. */
export const apiChannelSettings = z.object({
  outboundUrl: ui(z.string().url('must be an http(s) URL'), {
    label: 'Outbound URL',
    help: 'attendflow POSTs every outgoing message and action here, with an Idempotency-Key header.',
  }),
  outboundToken: secret(z.string().min(16, 'use at least 16 characters'), {
    label: 'Outbound token',
    help: 'Sent as “Authorization: Bearer …” to the outbound URL.',
  }),
  inboundToken: secret(z.string().min(16, 'use at least 16 characters'), {
    label: 'Inbound token',
    help: 'Your system sends it as “Authorization: Bearer …” to this connection’s inbound URL.',
  }),
  timeoutMs: ui(z.number().int().min(500).max(60_000).default(10_000), {
    label: 'Delivery timeout (ms)',
    widget: 'number',
  }),
});

/** {@link apiChannelSettings}' type. */
export type ApiChannelSettings = z.infer<typeof apiChannelSettings>;

/**
 * A generic channel over HTTP, like a helpdesk's “API inbox”: any system posts customer messages to
 * the inbound webhook and receives the conversation's outgoing messages at its own URL.
 */
export const apiChannel = defineChannel({
  type: 'api',
  label: 'API',
  icon: 'api',
  description: 'Any system: messages in through a webhook, out through HTTP POSTs.',
  settings: apiChannelSettings,
  policies: {
    visibilities: ['public', 'private'],
    evaluation: { requires: 'none', once: true },
    attachments: true,
  },
  i18n: {
    'pt-BR': {
      label: 'API',
      description: 'Qualquer sistema: mensagens chegam por um webhook e saem por POSTs HTTP.',
      fields: {
        outboundUrl: {
          label: 'URL de saída',
          help: 'O attendflow envia por POST cada mensagem e ação de saída para cá, com um cabeçalho Idempotency-Key.',
        },
        outboundToken: {
          label: 'Token de saída',
          help: 'Enviado como “Authorization: Bearer …” para a URL de saída.',
        },
        inboundToken: {
          label: 'Token de entrada',
          help: 'O seu sistema o envia como “Authorization: Bearer …” para a URL de entrada desta conexão.',
        },
        timeoutMs: { label: 'Tempo limite de entrega (ms)' },
      },
    },
  },
});
