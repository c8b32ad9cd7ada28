import { createHash, createHmac } from 'node:crypto';
import type { TelegramSettings } from './settings.js';

/**
 * The webhook's `secret_token`: the one configured, or one derived from the bot token (HMAC, so it
 * reveals nothing of the token, stays the same across saves and changes with a new token).
 */
export function webhookSecretOf(
  settings: Pick<TelegramSettings, 'botToken' | 'webhookSecret'>,
): string {
  return (
    settings.webhookSecret ??
    createHmac('sha256', settings.botToken)
      .update('attendflow telegram webhook')
      .digest('base64url')
  );
}

/** A short fingerprint of the secret, safe to keep in the sync state to notice a change. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
