import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  it('drops the least recently used entry past its limit', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    expect(map.set('c', 3)).toEqual(['b', 2]);
    expect([map.has('a'), map.has('b'), map.has('c'), map.size]).toEqual([true, false, true, 2]);
    expect(map.set('a', 4)).toBeUndefined();
  });

  it('replaces a value without growing and forgets a deleted key', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 5);
    map.delete('b');
    expect([map.get('a'), map.size]).toEqual([5, 1]);
    map.delete('a');
    expect([map.get('a'), map.size]).toEqual([undefined, 0]);
  });
});
