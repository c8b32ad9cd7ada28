import type { SimReply } from '../../simulator-kit/sim-server.js';
import { telegramLimits } from './limits.js';
import type { TelegramSimCore } from './simulator-core.js';
import type { BotParams } from './simulator-params.js';
import { find, type SimBot } from './simulator-store.js';

/** One Bot API method as the simulator serves it. */
export type BotMethod = (
  core: TelegramSimCore,
  bot: SimBot,
  params: BotParams,
) => SimReply | Promise<SimReply>;

/** `{ok: true, result}` [K]. */
export const ok = (result: unknown, description?: string): SimReply => ({
  status: 200,
  body: { ok: true, result, ...(description ? { description } : {}) },
});

/** `{ok: false, error_code, description, parameters?}` with the same HTTP status [K]. */
export const fail = (
  status: number,
  description: string,
  parameters?: Record<string, number>,
): SimReply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

/** The methods the simulator implements, by their documented names (channel-apis.md §8.4). */
export const botMethods: Record<string, BotMethod> = {
  getMe: (_core, bot) =>
    ok({
      ...bot.user,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),

  async getUpdates(core, bot, params) {
    if (bot.webhook) {
      return fail(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (core.polling.has(bot.user.id)) {
      return fail(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    }
    const offset = params.int('offset');
    const limit = params.int('limit') ?? 100;
    const timeout = params.int('timeout') ?? 0;
    if ([offset, limit, timeout].some((n) => Number.isNaN(n)) || limit < 1 || limit > 100) {
      return fail(400, 'Bad Request: wrong parameters');
    }
    const allowed = params.list('allowed_updates');
    if (allowed !== undefined) bot.allowedUpdates = allowed.length === 0 ? null : allowed;
    confirm(core, bot, offset);
    if (core.pending(bot).length === 0 && timeout > 0) {
      core.polling.add(bot.user.id);
      try {
        await core.waitForUpdate(Math.min(timeout * 1000, core.config.maxRealPollWaitMs));
      } finally {
        core.polling.delete(bot.user.id);
      }
    }
    return ok(
      core
        .pending(bot)
        .slice(0, limit)
        .map((entry) => entry.update),
    );
  },

  setWebhook(core, bot, params) {
    const url = params.string('url') ?? '';
    if (url === '') return removeWebhook(core, bot, params, 'Webhook was deleted');
    const problem = webhookUrlProblem(url, core.config.webhookRequireHttps);
    if (problem) return fail(400, `Bad Request: bad webhook: ${problem}`);
    const maxConnections = params.int('max_connections') ?? 40;
    if (Number.isNaN(maxConnections) || maxConnections < 1 || maxConnections > 100) {
      return fail(400, 'Bad Request: bad webhook: max_connections must be between 1 and 100');
    }
    const secret = params.string('secret_token');
    if (secret !== undefined && !telegramLimits.secretTokenPattern.test(secret)) {
      return fail(400, 'Bad Request: secret token contains unallowed characters');
    }
    if (params.bool('drop_pending_updates')) bot.updates.forEach((e) => (e.confirmed = true));
    const allowed = params.list('allowed_updates');
    if (allowed !== undefined) bot.allowedUpdates = allowed.length === 0 ? null : allowed;
    const same = bot.webhook?.url === url && bot.webhook.secret === secret;
    bot.webhook = { url, maxConnections, ...(secret === undefined ? {} : { secret }) };
    if (!same) core.pushPending(bot);
    return ok(true, same ? 'Webhook is already set' : 'Webhook was set');
  },

  deleteWebhook: (core, bot, params) => removeWebhook(core, bot, params, 'Webhook was deleted'),

  getWebhookInfo(core, bot) {
    const error = bot.webhook ? core.lastPushError() : undefined;
    return ok({
      url: bot.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: core.pending(bot).length,
      ...(bot.webhook ? { max_connections: bot.webhook.maxConnections } : {}),
      ...(bot.allowedUpdates ? { allowed_updates: bot.allowedUpdates } : {}),
      ...(error ? { last_error_date: error.date, last_error_message: error.message } : {}),
    });
  },

  sendMessage(core, bot, params) {
    const text = params.string('text') ?? '';
    const chatId = params.int('chat_id');
    if (chatId === undefined || Number.isNaN(chatId))
      return fail(400, 'Bad Request: chat not found');
    if (text.trim() === '') return fail(400, 'Bad Request: message text is empty');
    const chat = find.chat(core.state, bot.user.id, chatId);
    if (!chat) {
      return find.user(core.state, chatId)
        ? fail(403, "Forbidden: bot can't initiate conversation with a user")
        : fail(400, 'Bad Request: chat not found');
    }
    if (chat.blocked) return fail(403, 'Forbidden: bot was blocked by the user');
    if (text.length > core.config.maxTextLength)
      return fail(400, 'Bad Request: message is too long');
    const entities = entityProblem(text, params.string('parse_mode'));
    if (entities) return fail(400, `Bad Request: can't parse entities: ${entities}`);
    for (const [limiter, key] of [
      [core.perBot, String(bot.user.id)],
      [core.perChat, `${bot.user.id}:${chatId}`],
    ] as const) {
      const taken = limiter.take(key);
      if (!taken.ok) {
        const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
        return fail(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
      }
    }
    const user = find.user(core.state, chatId);
    const message = {
      message_id: chat.nextMessageId++,
      from: bot.user,
      chat: { id: chatId, type: 'private' as const, first_name: user?.first_name ?? '' },
      date: Math.floor(core.clock.now() / 1000),
      text,
    };
    chat.messages.push({ from: 'bot', message });
    return ok(message);
  },

  sendChatAction(core, bot, params) {
    const chat = find.chat(core.state, bot.user.id, params.int('chat_id') ?? Number.NaN);
    if (!chat) return fail(400, 'Bad Request: chat not found');
    if (chat.blocked) return fail(403, 'Forbidden: bot was blocked by the user');
    return ok(true);
  },
};

function removeWebhook(core: TelegramSimCore, bot: SimBot, params: BotParams, description: string) {
  if (params.bool('drop_pending_updates')) bot.updates.forEach((e) => (e.confirmed = true));
  const had = bot.webhook !== null;
  bot.webhook = null;
  return ok(true, had ? description : 'Webhook is already deleted');
}

/** An update is confirmed by a later `offset`; a negative one keeps only the last |offset| [K]. */
function confirm(core: TelegramSimCore, bot: SimBot, offset: number | undefined): void {
  if (offset === undefined) return;
  if (offset >= 0) {
    for (const entry of bot.updates) if (entry.update.update_id < offset) entry.confirmed = true;
    return;
  }
  const pending = core.pending(bot);
  for (const entry of pending.slice(0, Math.max(0, pending.length + offset)))
    entry.confirmed = true;
}

function webhookUrlProblem(url: string, requireHttps: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid URL';
  }
  if (requireHttps) {
    if (parsed.protocol !== 'https:') return 'an HTTPS URL must be provided for webhook';
    const port = parsed.port === '' ? '443' : parsed.port;
    if (!['443', '80', '88', '8443'].includes(port)) {
      return 'webhook can be set up only on ports 80, 88, 443 or 8443';
    }
  } else if (!['http:', 'https:'].includes(parsed.protocol)) {
    return 'unsupported URL protocol';
  }
  return undefined;
}

/** [A] A minimal check of marked-up text: balanced HTML tags, paired MarkdownV2 markers. */
function entityProblem(text: string, mode: string | undefined): string | undefined {
  if (mode === undefined || mode === '') return undefined;
  if (mode === 'HTML') {
    const open: string[] = [];
    for (const match of text.matchAll(/<(\/?)([a-z-]+)[^>]*>/gi)) {
      const tag = (match[2] ?? '').toLowerCase();
      if (match[1] === '') open.push(tag);
      else if (open.pop() !== tag) return `unexpected end tag at byte offset ${match.index}`;
    }
    return open.length > 0
      ? `can't find end tag corresponding to start tag "${open.at(-1)}"`
      : undefined;
  }
  if (mode === 'MarkdownV2' || mode === 'Markdown') {
    const unescaped = text.replace(/\\./g, '');
    for (const marker of ['*', '_', '`']) {
      if (unescaped.split(marker).length % 2 === 0) {
        return `can't find end of the entity starting at byte offset ${unescaped.indexOf(marker)}`;
      }
    }
    return undefined;
  }
  return `unsupported parse_mode "${mode}"`;
}
