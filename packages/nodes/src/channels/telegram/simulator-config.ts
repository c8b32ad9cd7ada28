import { z } from 'zod';

/**
 * The Telegram simulator's switches (channel-apis.md §8.4). Every default is an [A]ssumption
 * except where marked [K]; change them here when real traffic says otherwise.
 */
export const telegramSimConfigSchema = z.strictObject({
  /** [A] Messages per chat per window: Telegram says "about 1/s, short bursts tolerated". */
  perChatLimit: z.int().nonnegative().default(3),
  perChatWindowMs: z.int().positive().default(3_000),
  /** [A] Messages per bot per second across chats ("about 30/s"). */
  globalPerSec: z.int().nonnegative().default(30),
  /** [K] Longest text `sendMessage` takes. */
  maxTextLength: z.int().positive().default(4096),
  /** [A] Real Telegram wants https on 443/80/88/8443; tests push to plain http on any port. */
  webhookRequireHttps: z.boolean().default(false),
  /** [A] Longest real wait of a long-polling `getUpdates`, whatever its `timeout` says. */
  maxRealPollWaitMs: z.int().nonnegative().default(1_000),
  /** [K] Unconfirmed updates are kept this long. */
  updateRetentionMs: z
    .int()
    .positive()
    .default(24 * 60 * 60_000),
  /** [A] Webhook retries; Telegram's own are longer and unspecified. */
  webhookRetry: z
    .strictObject({
      maxAttempts: z.int().min(1).max(20),
      backoffMs: z.array(z.int().nonnegative()),
    })
    .default({ maxAttempts: 4, backoffMs: [50, 100, 200] }),
  /** [A] The first update id of a fresh bot (ids then increase by one). */
  firstUpdateId: z.int().positive().default(640_000_001),
});

/** {@link telegramSimConfigSchema}'s type. */
export type TelegramSimConfig = z.infer<typeof telegramSimConfigSchema>;
