import type { InboundItem, SyncContext, SyncResult } from '@attendflow/engine';
import { callBotApi, type BotApiOutcome } from './bot-api-client.js';
import { telegramLimits } from './limits.js';
import { itemOf } from './parse-update.js';
import type { TelegramSettings } from './settings.js';
import { telegramUpdateSchema } from './update-schema.js';
import { secretFingerprint, webhookSecretOf } from './webhook-secret.js';

/** What the sync keeps between runs (stored by the host in plain JSON: no secret in it). */
type SyncState =
  { mode: 'webhook'; url: string; secret: string } | { mode: 'polling'; offset: number | null };

interface WebhookInfo {
  url: string;
  pending_update_count: number;
  last_error_message?: string;
}

/**
 * Keeps the connection receiving. Webhook mode: makes sure Telegram has our URL and secret
 * (`setWebhook` when they differ from what it reports), then checks again now and then. Polling
 * mode: removes any webhook once (`getUpdates` refuses to run beside one), then reads updates from
 * the stored offset; the offset advances only after the host has ingested them, so a crash re-reads
 * them and the host's dedup drops the repeats.
 */
export async function syncUpdates(context: SyncContext<TelegramSettings>): Promise<SyncResult> {
  const { settings, signal } = context;
  const previous = context.state as SyncState | null;
  if (settings.receiveBy === 'webhook' && settings.webhookUrl !== undefined) {
    const url = settings.webhookUrl;
    const secret = webhookSecretOf(settings);
    const info = required(await callBotApi<WebhookInfo>(settings, 'getWebhookInfo', {}, signal));
    const fingerprint = secretFingerprint(secret);
    const same = previous?.mode === 'webhook' && previous.secret === fingerprint;
    if (info.url !== url || !same) {
      required(
        await callBotApi(
          settings,
          'setWebhook',
          { url, secret_token: secret, allowed_updates: telegramLimits.allowedUpdates },
          signal,
        ),
      );
    }
    return {
      items: [],
      state: { mode: 'webhook', url, secret: fingerprint },
      nextSyncInMs: telegramLimits.webhookCheckMs,
    };
  }
  if (previous?.mode !== 'polling') {
    // Pending updates stay with Telegram: the first getUpdates below reads them.
    required(await callBotApi(settings, 'deleteWebhook', { drop_pending_updates: false }, signal));
  }
  const offset = previous?.mode === 'polling' ? previous.offset : null;
  const updates = required(
    await callBotApi<unknown[]>(
      settings,
      'getUpdates',
      {
        ...(offset === null ? {} : { offset }),
        limit: telegramLimits.maxUpdatesPerPoll,
        timeout: telegramLimits.pollTimeoutSeconds,
        allowed_updates: telegramLimits.allowedUpdates,
      },
      signal,
    ),
  );
  const items: InboundItem[] = [];
  let next = offset;
  for (const raw of updates) {
    const parsed = telegramUpdateSchema.safeParse(raw);
    const id = (raw as { update_id?: unknown } | null)?.update_id;
    // An update we cannot read is passed over (not retried for ever), like an ignored kind.
    if (typeof id === 'number') next = Math.max(next ?? 0, id + 1);
    const item = parsed.success ? itemOf(parsed.data) : undefined;
    if (item) items.push(item);
  }
  const full = updates.length >= telegramLimits.maxUpdatesPerPoll;
  return {
    items,
    state: { mode: 'polling', offset: next },
    nextSyncInMs: full ? 0 : settings.pollIntervalSeconds * 1000,
  };
}

/** The result of a call the sync cannot do without; anything else fails the run (retried later). */
function required<T>(outcome: BotApiOutcome<T>): T {
  if (outcome.kind === 'ok') return outcome.result;
  if (outcome.kind === 'error' && outcome.status === 409) {
    throw new Error(
      `${outcome.description} — another program is reading this bot's updates (a webhook or getUpdates)`,
    );
  }
  throw new Error(outcome.kind === 'error' ? outcome.description : outcome.reason);
}
