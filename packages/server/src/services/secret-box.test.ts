import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from './secret-box.js';

describe('secret box', () => {
  it('round-trips, never shows the plain text, and detects tampering', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal({ password: 'hunter2-long-secret' });
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toEqual({ password: 'hunter2-long-secret' });
    const [v, iv, tag, data = ''] = sealed.split('.');
    for (const at of [0, 7, -1]) {
      const bytes = Buffer.from(data, 'base64url');
      const index = (at + bytes.length) % bytes.length;
      bytes[index] = (bytes[index] ?? 0) ^ 0x01;
      const flipped = `${v}.${iv}.${tag}.${bytes.toString('base64url')}`;
      expect(flipped).not.toBe(sealed);
      expect(() => box.open(flipped)).toThrow();
    }
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('generates a key file once, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-key-'));
    const first = loadSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(loadSecretKey(undefined, dir)).toEqual(first);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first.toString('base64'));
  });
});
