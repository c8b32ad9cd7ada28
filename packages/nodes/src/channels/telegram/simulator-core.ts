import type { SimClock } from '../../simulator-kit/clock.js';
import type { PushQueue } from '../../simulator-kit/pushes.js';
import { createRateLimiter, type RateLimiter } from '../../simulator-kit/rate-limiter.js';
import { telegramSimConfigSchema, type TelegramSimConfig } from './simulator-config.js';
import { emptyTelegramState, type SimBot, type TelegramSimState } from './simulator-store.js';
import type { TelegramUpdate } from './update-schema.js';

/** Kinds Telegram leaves out when a bot does not list `allowed_updates` [K]. */
const optInKinds = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/**
 * The Telegram simulator's state and the behaviour its routes share: new updates (pushed to a
 * webhook or kept for `getUpdates`), pending counts, long-poll waiters and rate limits.
 */
export class TelegramSimCore {
  state: TelegramSimState = emptyTelegramState();
  config: TelegramSimConfig = telegramSimConfigSchema.parse({});
  readonly perChat: RateLimiter;
  readonly perBot: RateLimiter;
  readonly polling = new Set<number>();
  private waiters: Array<() => void> = [];

  constructor(
    readonly clock: SimClock,
    readonly pushes: PushQueue,
  ) {
    this.perChat = createRateLimiter({
      clock,
      limit: () => this.config.perChatLimit,
      windowMs: this.config.perChatWindowMs,
    });
    this.perBot = createRateLimiter({
      clock,
      limit: () => this.config.globalPerSec,
      windowMs: 1_000,
    });
  }

  configure(input: unknown): TelegramSimConfig {
    this.config = telegramSimConfigSchema.parse({ ...this.config, ...(input as object) });
    this.pushes.configure({ retry: this.config.webhookRetry });
    return this.config;
  }

  reset(): void {
    this.state = emptyTelegramState();
    this.perChat.reset();
    this.perBot.reset();
    this.pushes.configure({ retry: this.config.webhookRetry });
  }

  /** Records an update for `bot` and pushes it when the bot has a webhook. */
  emit(bot: SimBot, kind: string, payload: unknown): TelegramUpdate | undefined {
    const allowed = bot.allowedUpdates;
    if (allowed ? !allowed.includes(kind) : optInKinds.has(kind)) return undefined;
    const update = { update_id: bot.nextUpdateId++, [kind]: payload } as TelegramUpdate;
    const entry = {
      update,
      createdAt: this.clock.now(),
      confirmed: false,
      pushId: null as string | null,
    };
    bot.updates.push(entry);
    if (bot.webhook) entry.pushId = this.pushes.push(update, bot.webhook);
    for (const wake of this.waiters.splice(0)) wake();
    return update;
  }

  /** Pushes every update still waiting (a webhook was just set). */
  pushPending(bot: SimBot): void {
    if (!bot.webhook) return;
    for (const entry of this.pending(bot))
      entry.pushId = this.pushes.push(entry.update, bot.webhook);
  }

  /** Updates neither confirmed, delivered to a webhook, nor expired, in `update_id` order. */
  pending(bot: SimBot) {
    const delivered = this.deliveredPushes();
    const oldest = this.clock.now() - this.config.updateRetentionMs;
    return bot.updates.filter(
      (entry) =>
        !entry.confirmed &&
        entry.createdAt >= oldest &&
        (entry.pushId === null || !delivered.has(entry.pushId)),
    );
  }

  /** The last failed push to `bot`'s webhook, as `getWebhookInfo` reports it. */
  lastPushError(): { date: number; message: string } | undefined {
    const failed = this.pushes
      .deliveries()
      .filter((a) => a.error !== null || (a.status !== null && a.status >= 300))
      .at(-1);
    if (!failed) return undefined;
    const message =
      failed.status === null
        ? `Connection failed: ${failed.error ?? 'no answer'}`
        : `Wrong response from the webhook: ${failed.status}`;
    return { date: Math.floor(Date.parse(failed.at) / 1000), message };
  }

  /** Resolves when a new update arrives or after `ms` real milliseconds. */
  waitForUpdate(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private deliveredPushes(): Set<string> {
    return new Set(
      this.pushes
        .deliveries()
        .filter((a) => a.status !== null && a.status >= 200 && a.status < 300)
        .map((a) => a.pushId),
    );
  }
}
