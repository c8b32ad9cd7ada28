/**
 * What we know and what we assume of the Telegram Bot API, in one place (channel-apis.md §3).
 * [K] known from the official reference; [A] our assumption or product choice, to revisit when
 * real traffic says otherwise.
 */
export const telegramLimits = {
  /** [K] `sendMessage` takes 1–4096 characters of text (after entity parsing; we send plain text). */
  maxTextLength: 4096,
  /** [A] A longer message is split into at most this many messages; longer ones are refused. */
  maxParts: 4,
  /** [K] `getUpdates` returns at most 100 updates per call. */
  maxUpdatesPerPoll: 100,
  /**
   * [A] Long-poll seconds of our `getUpdates`: 0 (a plain poll), because the host runs every
   * connection's sync in turn and a long poll would hold the others back.
   */
  pollTimeoutSeconds: 0,
  /** [A] In webhook mode, how often the sync re-checks that Telegram still has our webhook. */
  webhookCheckMs: 10 * 60_000,
  /** [A] The update kinds we ask for: only messages open or continue a conversation. */
  allowedUpdates: ['message'] as string[],
  /** [K] A webhook's `secret_token`: 1–256 characters of `A-Z a-z 0-9 _ -`. */
  secretTokenPattern: /^[A-Za-z0-9_-]{1,256}$/,
  /** [A] Multipart progress of split messages remembered per process (oldest forgotten first). */
  rememberedDeliveries: 1_000,
} as const;
