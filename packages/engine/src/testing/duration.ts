const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as milliseconds or text: `'25s'`, `'10m'`, `'1h30m'`, `'2d'`. */
export type Duration = number | string;

/**
 * Milliseconds of a {@link Duration}.
 *
 * @example
 * toMs('1h30m'); // 5_400_000
 */
export function toMs(duration: Duration): number {
  if (typeof duration === 'number') return duration;
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (
    parts.length === 0 ||
    parts.map((part) => part[0]).join('') !== duration.replace(/\s+/g, '')
  ) {
    throw new Error(`not a duration: "${duration}" (use e.g. 30s, 10m, 1h30m, 2d)`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * (units[part[2] ?? 'ms'] ?? 1), 0);
}

/** `+H:MM:SS` (with days when needed) of a time offset. */
export function formatOffset(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock = `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return days > 0 ? `+${days}d ${clock}` : `+${clock}`;
}
