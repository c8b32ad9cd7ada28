import { describe, expect, it } from 'vitest';
import { parseSession } from './session';

describe('parseSession', () => {
  it('reads a stored session and rejects malformed ones', () => {
    const user = { id: 'u', email: 'a@b.c', name: 'A', role: 'agent' };
    expect(parseSession(JSON.stringify({ token: 't', user }))).toEqual({ token: 't', user });
    expect(parseSession(null)).toBeNull();
    expect(parseSession('{')).toBeNull();
    expect(
      parseSession(JSON.stringify({ token: 't', user: { ...user, role: 'root' } })),
    ).toBeNull();
  });
});
