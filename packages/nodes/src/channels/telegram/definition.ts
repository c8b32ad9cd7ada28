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
});
