import { describe, expect, it } from 'vitest';
import { reconnectDelaySeconds } from './database.js';

describe('reconnectDelaySeconds', () => {
  const lowest = (failures: number) => reconnectDelaySeconds(failures, () => 0);
  const highest = (failures: number) => reconnectDelaySeconds(failures, () => 1);

  it('reopens a pool cut at once (ten failures) within 25–50 ms', () => {
    expect([lowest(1), highest(1)]).toEqual([0.025, 0.05]);
    expect([lowest(10), highest(10)]).toEqual([0.025, 0.05]);
  });

  it('doubles with each round of failures over the pool, up to 1–2 s', () => {
    expect([lowest(11), highest(20)]).toEqual([0.05, 0.1]);
    expect([lowest(21), highest(30)]).toEqual([0.1, 0.2]);
    expect([lowest(60), highest(60)]).toEqual([0.8, 1.6]);
    expect([lowest(70), highest(70)]).toEqual([1, 2]);
    expect([lowest(10_000), highest(10_000)]).toEqual([1, 2]);
  });

  it('jitters between the two bounds', () => {
    expect(reconnectDelaySeconds(25, () => 0.5)).toBeCloseTo(0.15);
  });
});
