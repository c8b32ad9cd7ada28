import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a presented secret (a header, a token) equals the expected one, in constant time:
 * both sides are hashed first, so not even their lengths leak.
 */
export function isSameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const left = createHash('sha256').update(presented).digest();
  const right = createHash('sha256').update(expected).digest();
  return timingSafeEqual(left, right);
}
