import { describe, expect, it } from 'vitest';
import { readFlowChannel, writeFlowChannel } from './flow-channel';

describe('flow channel', () => {
  it('remembers the channel per flow', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(readFlowChannel(storage, 'a')).toBeNull();
    writeFlowChannel(storage, 'a', 'reclame-aqui');
    expect(readFlowChannel(storage, 'a')).toBe('reclame-aqui');
    writeFlowChannel(storage, 'a', null);
    expect(readFlowChannel(storage, 'a')).toBeNull();
  });
});
