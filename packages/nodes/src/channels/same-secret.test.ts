import { describe, expect, it } from 'vitest';
import { isSameSecret } from './same-secret.js';

describe('isSameSecret', () => {
  it('accepts the expected secret only, whatever secrets were checked before', () => {
    for (let i = 0; i < 600; i++) {
      const expected = `token-${i % 300}`;
      expect(isSameSecret(expected, expected)).toBe(true);
      expect(isSameSecret(`${expected}x`, expected)).toBe(false);
      expect(isSameSecret(expected.slice(0, -1), expected)).toBe(false);
    }
    expect(isSameSecret(undefined, 'token-1')).toBe(false);
    expect(isSameSecret('', '')).toBe(true);
    expect(isSameSecret('ção', 'cao')).toBe(false);
  });
});
