import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `X-Viber-Content-Signature` of a callback body: HMAC-SHA256 of the exact bytes, keyed by
 * the bot's token, in lowercase hex.
 *
 * @example
 * const signature = signBody(rawBody, settings.authToken);
 */
export function signBody(rawBody: string, authToken: string): string {
  return createHmac('sha256', authToken).update(rawBody, 'utf8').digest('hex');
}

/** Whether `signature` is the body's signature, compared in constant time. */
export function hasValidSignature(
  rawBody: string,
  signature: string | undefined,
  authToken: string,
): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(signBody(rawBody, authToken), 'hex');
  // A malformed header decodes to fewer bytes and fails the length check without leaking timing.
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
