import { defineChannelAdapter, type ChannelAdapter } from '@attendflow/engine';
import { callBotApi } from './bot-api-client.js';
import { deliverMessage, type SentParts } from './deliver-message.js';
import { telegram } from './definition.js';
import { parseUpdate } from './parse-update.js';
import { syncUpdates } from './sync-updates.js';
import type { TelegramUser } from './update-schema.js';
import { isSameSecret } from '../same-secret.js';
import { webhookSecretOf } from './webhook-secret.js';

/**
 * Makes the Telegram adapter: webhook requests checked by their secret-token header, Updates
 * parsed into conversation events, `sendMessage` deliveries, `getMe` as the connection check and
 * `sync` for the webhook registration or `getUpdates` polling. Its memory (progress of split
 * messages) lives in this closure, one per process.
 *
 * @example
 * const adapters = [createTelegramAdapter()];
 */
export function createTelegramAdapter(): ChannelAdapter<typeof telegram.settings> {
  const sent: SentParts = new Map();
  return defineChannelAdapter(telegram, {
    verifyInbound: (request, settings) =>
      isSameSecret(request.headers['x-telegram-bot-api-secret-token'], webhookSecretOf(settings)),
    parseInbound: (request) => parseUpdate(request.body),
    deliver: (delivery, settings, signal) => deliverMessage(delivery, settings, signal, sent),
    async testConnection(settings, signal) {
      const outcome = await callBotApi<TelegramUser>(settings, 'getMe', {}, signal);
      if (outcome.kind === 'ok') {
        const bot = outcome.result;
        const botName = [bot.first_name, bot.last_name].filter(Boolean).join(' ');
        return {
          ok: true,
          detail: `bot ${botName} (@${bot.username ?? bot.id})`,
          facts: { botName, username: bot.username ?? null, botId: bot.id },
        };
      }
      if (outcome.kind === 'error' && (outcome.status === 401 || outcome.status === 404)) {
        return { ok: false, detail: 'bot not found: check the token given by @BotFather' };
      }
      return {
        ok: false,
        detail: outcome.kind === 'error' ? outcome.description : outcome.reason,
      };
    },
    sync: syncUpdates,
  });
}
