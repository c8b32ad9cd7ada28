import type { DeliveryResult, OutboundDelivery } from '@attendflow/engine';
import { callBotApi, type BotApiOutcome } from './bot-api-client.js';
import { telegramLimits } from './limits.js';
import type { TelegramSettings } from './settings.js';
import { splitText } from './split-text.js';

/** Parts of split messages already sent, by idempotency key (per process, bounded). */
export type SentParts = Map<string, number>;

/**
 * Sends one outbound message as plain text (so customer-supplied text can never fail entity
 * parsing), split into several messages when longer than Telegram takes. A retry resumes after
 * the parts already sent by this process. Failures are classified for the host's outbox: 429
 * waits `retry_after`, 5xx and unsent requests retry, refusals (blocked, chat not found, bad
 * token) do not, and an ambiguous timeout follows the connection's `ambiguousSend` choice.
 */
export async function deliverMessage(
  delivery: OutboundDelivery,
  settings: TelegramSettings,
  signal: AbortSignal,
  sent: SentParts,
): Promise<DeliveryResult> {
  if (delivery.kind !== 'message' || !delivery.message) {
    return {
      ok: false,
      retryable: false,
      error: `telegram has no action "${delivery.action?.name ?? '?'}"`,
    };
  }
  const parts = splitText(delivery.message.text.trim(), telegramLimits.maxTextLength);
  if (parts.length > telegramLimits.maxParts || parts[0] === '') {
    return {
      ok: false,
      retryable: false,
      error: parts[0] === '' ? 'the message is empty' : 'the message is too long for Telegram',
    };
  }
  let lastId: number | undefined;
  for (let index = sent.get(delivery.idempotencyKey) ?? 0; index < parts.length; index++) {
    const outcome = await callBotApi<{ message_id: number }>(
      settings,
      'sendMessage',
      { chat_id: delivery.conversation.externalId, text: parts[index] },
      signal,
    );
    if (outcome.kind !== 'ok') return failure(outcome, settings, index, parts.length);
    lastId = outcome.result.message_id;
    remember(sent, delivery.idempotencyKey, index + 1);
  }
  sent.delete(delivery.idempotencyKey);
  return { ok: true, ...(lastId === undefined ? {} : { externalId: String(lastId) }) };
}

function failure(
  outcome: Exclude<BotApiOutcome<unknown>, { kind: 'ok' }>,
  settings: TelegramSettings,
  index: number,
  total: number,
): DeliveryResult {
  const where = total > 1 ? ` (part ${index + 1} of ${total})` : '';
  if (outcome.kind === 'unsent') {
    return { ok: false, retryable: true, error: outcome.reason + where };
  }
  if (outcome.kind === 'ambiguous') {
    const retryable = settings.ambiguousSend === 'retry';
    const consequence = retryable ? 'sending again' : 'not sent again';
    return {
      ok: false,
      retryable,
      error: `${outcome.reason}${where}; it may have arrived: ${consequence}`,
    };
  }
  const error = `${outcome.description}${where}`;
  if (outcome.status === 429 || outcome.errorCode === 429) {
    return {
      ok: false,
      retryable: true,
      error,
      retryAfterMs: (outcome.retryAfterSeconds ?? 1) * 1000,
    };
  }
  if (outcome.migrateToChatId !== undefined) {
    return {
      ok: false,
      retryable: false,
      error: `${error}; the chat is now ${outcome.migrateToChatId}`,
    };
  }
  return { ok: false, retryable: outcome.status >= 500, error };
}

function remember(sent: SentParts, key: string, parts: number): void {
  sent.delete(key);
  sent.set(key, parts);
  if (sent.size > telegramLimits.rememberedDeliveries) {
    const oldest = sent.keys().next().value;
    if (oldest !== undefined) sent.delete(oldest);
  }
}
