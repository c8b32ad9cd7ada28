import { defineChannel } from '@attendflow/engine';
import { telegramLimits } from './limits.js';
import { telegramSettings } from './settings.js';

/**
 * Telegram bots (Bot API): one conversation per private chat, public messages only, long texts
 * split into several messages up to a limit, updates by webhook or by polling.
 */
export const telegram = defineChannel({
  type: 'telegram',
  label: 'Telegram',
  icon: 'telegram',
  description: 'Private chats with your Telegram bot.',
  settings: telegramSettings,
  policies: {
    visibilities: ['public'],
    evaluation: { requires: 'none', once: true },
    maxBodyLength: telegramLimits.maxTextLength * telegramLimits.maxParts,
    attachments: false,
  },
  i18n: {
    'pt-BR': {
      label: 'Telegram',
      description: 'Conversas privadas com o seu bot do Telegram.',
      fields: {
        botToken: {
          label: 'Token do bot',
          help: 'Fornecido pelo @BotFather. Verificado com getMe ao salvar: o nome do bot aparece aqui.',
        },
        receiveBy: {
          label: 'Receber mensagens por',
          help: 'O webhook precisa de um endereço que o Telegram alcance; o polling funciona em qualquer lugar.',
          options: { webhook: 'Webhook (endereço público)', polling: 'Polling (getUpdates)' },
        },
        webhookUrl: {
          label: 'URL do webhook',
          help: 'O endereço público do webhook de entrada desta conexão (…/api/channels/<id>/inbound); o attendflow preenche quando fica vazio.',
        },
        webhookSecret: {
          label: 'Segredo do webhook',
          help: 'O Telegram o envia em cada requisição do webhook. Vazio: derivado do token do bot.',
        },
        pollIntervalSeconds: {
          label: 'Consultar a cada (segundos)',
          help: 'Só no modo polling.',
        },
        ambiguousSend: {
          label: 'Quando um envio expira',
          help: 'O Telegram não informa se uma mensagem que expirou chegou: reenviar (o cliente pode vê-la duas vezes) ou marcar como falha para um atendente (ela pode faltar).',
          options: {
            retry: 'Reenviar (nunca se perde, talvez duas vezes)',
            fail: 'Falhar (nunca duas vezes, talvez perdida)',
          },
        },
        requestTimeoutMs: { label: 'Tempo limite das chamadas (ms)' },
        apiBaseUrl: {
          label: 'Servidor da Bot API',
          help: 'Altere só para um servidor da Bot API hospedado por você.',
        },
      },
      groups: { Connection: 'Conexão', Advanced: 'Avançado' },
    },
  },
});
