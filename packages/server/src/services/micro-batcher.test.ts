import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.js';

/** A write that records its groups and can be held open, or refuse one item. */
function recorder(refuse = -1) {
  const groups: number[][] = [];
  let release: () => void = () => undefined;
  let held: Promise<void> | null = null;
  return {
    groups,
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    write: async (items: readonly number[]) => {
      groups.push([...items]);
      if (held) {
        const wait = held;
        held = null;
        await wait;
      }
      if (items.includes(refuse)) throw new Error(`refused ${refuse}`);
      return items.map((item) => item * 10);
    },
  };
}

describe('MicroBatcher', () => {
  it('writes an item alone when idle, and what arrives meanwhile as one group after it', async () => {
    const write = recorder();
    const batcher = new MicroBatcher(write.write, 1);
    write.hold();
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((item) => batcher.submit(item));
    write.release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(write.groups).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps as many groups in flight as allowed', async () => {
    const write = recorder();
    const batcher = new MicroBatcher(write.write, 2);
    write.hold();
    const a = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const b = batcher.submit(2);
    await new Promise((resolve) => setImmediate(resolve));
    // The second group went while the first was held.
    expect(write.groups).toEqual([[1], [2]]);
    write.release();
    expect(await Promise.all([a, b])).toEqual([10, 20]);
  });

  it('retries a failed group item by item: only the item at fault fails', async () => {
    const write = recorder(3);
    const batcher = new MicroBatcher(write.write, 1);
    write.hold();
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((item) =>
      batcher.submit(item).catch((error: Error) => error.message),
    );
    write.release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 'refused 3', 40]);
    expect(write.groups).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('shares a burst among the free writes, and keeps a small group whole', async () => {
    const write = recorder();
    const batcher = new MicroBatcher(write.write, 2);
    const burst = Array.from({ length: 120 }, (_, i) => i);
    expect(await Promise.all(burst.map((item) => batcher.submit(item)))).toEqual(
      burst.map((item) => item * 10),
    );
    expect(write.groups.map((group) => group.length)).toEqual([60, 60]);
    const small = Array.from({ length: 30 }, (_, i) => i);
    await Promise.all(small.map((item) => batcher.submit(item)));
    expect(write.groups.slice(2).map((group) => group.length)).toEqual([30]);
  });

  it('cuts groups at their size limit', async () => {
    const write = recorder();
    const batcher = new MicroBatcher(write.write, 1, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)))).toEqual([
      10, 20, 30, 40, 50,
    ]);
    expect(write.groups).toEqual([[1, 2], [3, 4], [5]]);
  });
});
