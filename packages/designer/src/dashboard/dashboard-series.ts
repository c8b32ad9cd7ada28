import type { DayCount } from '../api/dashboard-api';

/** Stacked bars per day: one value per day for each key. */
export interface DaySeries {
  days: string[];
  series: Array<{ key: string | null; values: number[] }>;
  /** The tallest stack (the chart's scale). */
  max: number;
}

const dayMs = 86_400_000;

/** Every day from `from` to `to` (inclusive, `YYYY-MM-DD`, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += dayMs)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** Shapes the server's rows into stacks per day, days without rows as zeros, keys by total. */
export function stackByDay(rows: readonly DayCount[], from: string, to: string): DaySeries {
  const days = daysBetween(from, to);
  const index = new Map(days.map((day, i) => [day, i]));
  const byKey = new Map<string | null, number[]>();
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    let values = byKey.get(row.key);
    if (!values) byKey.set(row.key, (values = days.map(() => 0)));
    values[i] = (values[i] ?? 0) + row.count;
  }
  const total = (values: number[]) => values.reduce((sum, n) => sum + n, 0);
  const series = [...byKey]
    .map(([key, values]) => ({ key, values }))
    .sort(
      (a, b) => total(b.values) - total(a.values) || String(a.key).localeCompare(String(b.key)),
    );
  const max = Math.max(
    0,
    ...days.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0)),
  );
  return { days, series, max };
}

/** Parts of a whole as rounded percentages (for "answered in time / late / open"). */
export function shares(parts: readonly number[]): number[] {
  const total = parts.reduce((sum, n) => sum + n, 0);
  return parts.map((n) => (total === 0 ? 0 : Math.round((n / total) * 100)));
}

/** A duration in the unit people read it in. */
export function readableDuration(seconds: number): {
  value: number;
  unit: 's' | 'min' | 'h' | 'd';
} {
  if (seconds < 60) return { value: Math.round(seconds), unit: 's' };
  if (seconds < 3600) return { value: Math.round(seconds / 6) / 10, unit: 'min' };
  if (seconds < 86_400) return { value: Math.round(seconds / 360) / 10, unit: 'h' };
  return { value: Math.round(seconds / 8640) / 10, unit: 'd' };
}

/** Counts of every score 0–10 (missing scores as zeros). */
export function scoreBuckets(scores: ReadonlyArray<{ score: number; count: number }>): number[] {
  const buckets = Array.from({ length: 11 }, () => 0);
  for (const { score, count } of scores)
    if (score >= 0 && score <= 10) buckets[score] = (buckets[score] ?? 0) + count;
  return buckets;
}

/** A scale's round top and its ticks, so axes read 0 / 2 / 4 … rather than 0 / 1.75. */
export function niceScale(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const step = 10 ** Math.floor(Math.log10(max));
  const top = [1, 2, 5, 10].map((m) => m * step).find((v) => v >= max) ?? 10 * step;
  const tick = top >= 5 ? top / 5 : 1;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += tick) ticks.push(Math.round(v * 100) / 100);
  return { top, ticks };
}
