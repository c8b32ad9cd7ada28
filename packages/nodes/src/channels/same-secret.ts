import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Digests of the expected secrets seen lately (a connection's token, checked on every webhook). */
const expectedDigests = new Map<string, Buffer>();
const maxRemembered = 256;

/**
 * Whether a presented secret (a header, a token) equals the expected one, in constant time:
 * both sides are hashed first, so not even their lengths leak.
 */
export function isSameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  let right = expectedDigests.get(expected);
  if (!right) {
    if (expectedDigests.size >= maxRemembered) expectedDigests.clear();
    right = digest(expected);
    expectedDigests.set(expected, right);
  }
  return timingSafeEqual(digest(presented), right);
}
