import { defineChannel, secret, ui } from '@attendflow/engine';
import { z } from 'zod';
import { wishCategories, wishMaxReplyLength, wishResponseWindowMs } from './wish-v2-assumptions.js';

/** Settings of a Wish merchant connection (tickets are polled: API v2 has no push). */
export const wishSettings = z.object({
  apiBaseUrl: ui(z.url('enter the API address').default('https://merchant.wish.com/api/v2'), {
    label: 'API address',
    help: 'https://merchant.wish.com/api/v2, or https://sandbox.merchant.wish.com/api/v2 to test.',
  }),
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
  categories: ui(
    z
      .array(z.enum(wishCategories))
      .min(1, 'choose at least one ticket category')
      .default([...wishCategories]),
    {
      label: 'Ticket categories',
      widget: 'list',
      help: 'Pre-purchase questions, post-purchase tickets and post-customer-support questions to import.',
    },
  ),
  requestTimeoutMs: ui(z.int().min(100).max(60_000).default(15_000), {
    label: 'Request timeout (ms)',
    help: 'How long to wait for Wish before a call counts as failed (and is checked, then retried).',
  }),
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
const replyField = (help: string) =>
  z.strictObject({
    reply: ui(
      z
        .string()
        .trim()
        .min(1, help)
        .max(wishMaxReplyLength, `Wish takes at most ${wishMaxReplyLength} characters`),
      { label: 'Message', widget: 'textarea' },
    ),
  });

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
    answerDeadlineMs: wishResponseWindowMs,
    maxBodyLength: wishMaxReplyLength,
    attachments: false,
  },
  actions: {
    'ticket.close': { label: 'Close ticket', payload: noPayload, by: 'agent', closes: true },
    'ticket.appeal': { label: 'Appeal to Wish support', payload: noPayload, by: 'agent' },
    'ticket.reopen': {
      label: 'Re-open ticket',
      // API v2's re-open carries a message to the buyer, under the same length limit as replies.
      payload: replyField('write the message sent with the re-opening'),
      by: 'agent',
    },
    // Wish has no single call: the reply goes out first (under the reply rules), then the close.
    'ticket.reply-and-resolve': {
      label: 'Reply and resolve',
      payload: replyField('write the reply'),
      by: 'any',
      message: 'reply',
      closes: true,
    },
  },
  i18n: {
    'pt-BR': {
      label: 'Wish',
      description:
        'Tickets de suporte de comerciante da Wish (perguntas pré-compra, tickets pós-compra, perguntas pós-atendimento ao cliente).',
      fields: {
        apiBaseUrl: {
          label: 'Endereço da API',
          help: 'https://merchant.wish.com/api/v2, ou https://sandbox.merchant.wish.com/api/v2 para testar.',
        },
        accessToken: {
          label: 'Token de acesso',
          help: 'Token de acesso OAuth do app de comerciante, com permissão para ler e responder tickets.',
        },
        syncIntervalMinutes: {
          label: 'Intervalo de sincronia (minutos)',
          help: 'De quanto em quanto tempo os tickets aguardando a sua resposta são buscados.',
        },
        categories: {
          label: 'Categorias de ticket',
          help: 'Perguntas pré-compra, tickets pós-compra e perguntas pós-atendimento ao cliente a importar.',
          options: {
            'pre-purchase': 'Perguntas pré-compra',
            'post-purchase': 'Tickets pós-compra',
            'post-customer-support': 'Perguntas pós-atendimento ao cliente',
          },
        },
        requestTimeoutMs: {
          label: 'Tempo limite das chamadas (ms)',
          help: 'Quanto esperar pela Wish antes de uma chamada contar como falha (e ser verificada, depois repetida).',
        },
        defaultLanguage: {
          label: 'Idioma padrão',
          help: 'Idioma das traduções mostradas aos atendentes quando o do comprador é desconhecido.',
        },
      },
      actions: {
        'ticket.close': { label: 'Encerrar ticket' },
        'ticket.appeal': { label: 'Recorrer ao suporte da Wish' },
        'ticket.reopen': { label: 'Reabrir ticket', fields: { reply: { label: 'Mensagem' } } },
        'ticket.reply-and-resolve': {
          label: 'Responder e resolver',
          fields: { reply: { label: 'Mensagem' } },
        },
      },
    },
  },
});
