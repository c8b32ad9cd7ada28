import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  niceScale,
  readableDuration,
  scoreBuckets,
  shares,
  stackByDay,
} from './dashboard-series';

describe('dashboard shaping', () => {
  it('stacks counts per day with zeros for quiet days, biggest key first', () => {
    const series = stackByDay(
      [
        { day: '2026-03-01', key: 'wish', count: 2 },
        { day: '2026-03-01', key: 'reclame-aqui', count: 1 },
        { day: '2026-03-03', key: 'reclame-aqui', count: 4 },
        { day: '2026-04-01', key: 'wish', count: 9 },
      ],
      '2026-03-01',
      '2026-03-03',
    );
    expect(series).toEqual({
      days: ['2026-03-01', '2026-03-02', '2026-03-03'],
      series: [
        { key: 'reclame-aqui', values: [1, 0, 4] },
        { key: 'wish', values: [2, 0, 0] },
      ],
      max: 4,
    });
  });

  it('lists the days of a period across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('gives shares in percent and zeros for nothing', () => {
    expect(shares([1, 1, 2])).toEqual([25, 25, 50]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });

  it('reads durations in the unit people use', () => {
    expect(readableDuration(42)).toEqual({ value: 42, unit: 's' });
    expect(readableDuration(2100)).toEqual({ value: 35, unit: 'min' });
    expect(readableDuration(7200)).toEqual({ value: 2, unit: 'h' });
    expect(readableDuration(3 * 86_400)).toEqual({ value: 3, unit: 'd' });
  });

  it('buckets scores 0–10 and rounds scales', () => {
    expect(
      scoreBuckets([
        { score: 9, count: 2 },
        { score: 3, count: 1 },
      ]),
    ).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0]);
    expect(niceScale(7)).toEqual({ top: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(niceScale(3)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });
});
