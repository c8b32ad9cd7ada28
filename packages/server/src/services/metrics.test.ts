import { describe, expect, it } from 'vitest';
import { Histogram } from './metrics.js';

describe('Histogram', () => {
  it('keeps cumulative buckets, the sum and the count, and counts what lies above a bound', () => {
    const histogram = new Histogram([0.01, 0.1, 1]);
    for (const seconds of [0.005, 0.01, 0.05, 0.5, 3, -1]) histogram.observe(seconds);
    expect(histogram.samples()).toEqual([
      { suffix: '_bucket', labels: { le: '0.01' }, value: 3 },
      { suffix: '_bucket', labels: { le: '0.1' }, value: 4 },
      { suffix: '_bucket', labels: { le: '1' }, value: 5 },
      { suffix: '_bucket', labels: { le: '+Inf' }, value: 6 },
      { suffix: '_sum', value: 3.565 },
      { suffix: '_count', value: 6 },
    ]);
    expect(histogram.observed).toBe(6);
    expect(histogram.total).toBeCloseTo(3.565, 9);
    expect(histogram.countAbove(0.1)).toBe(2);
    expect(histogram.countAbove(1)).toBe(1);
    expect(() => histogram.countAbove(0.2)).toThrow('0.2 is not a bucket bound');
  });
});
