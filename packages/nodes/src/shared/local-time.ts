/** The wall clock of a time zone at one instant. */
export interface LocalTime {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Local weekday, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const DAY_MS = 86_400_000;
// Building a DateTimeFormat is far costlier than using one; zones are few, so keep them all.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `Intl` knows the IANA time zone (`America/Sao_Paulo`, `Europe/Moscow`, `UTC`).
 *
 * @example
 * isValidTimeZone('Europe/Moscow'); // true
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `epochMs`, written as if it were a UTC instant (no libraries needed). */
function wallClockMs(timeZone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Some engines still write midnight as 24 despite hourCycle h23.
  const hour = parts.hour === 24 ? 0 : (parts.hour ?? 0);
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    hour,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/**
 * The local date, weekday and minute of the day in `timeZone` at `epochMs`.
 *
 * @example
 * localTimeAt('America/Sao_Paulo', Date.parse('2026-01-05T02:30:00Z')); // { date: '2026-01-04', weekday: 0, minutes: 1410 }
 */
export function localTimeAt(timeZone: string, epochMs: number): LocalTime {
  const wall = new Date(wallClockMs(timeZone, epochMs));
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: wall.getUTCDay(),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/**
 * The first instant whose wall clock in `timeZone` reads `date` at `minutes` past midnight. A time
 * skipped by a DST jump gives the instant the clocks jumped (e.g. 00:00 → 01:00 gives 01:00).
 *
 * @example
 * epochAtLocal('Europe/Moscow', '2026-01-05', 9 * 60); // Date.parse('2026-01-05T06:00:00Z')
 */
export function epochAtLocal(timeZone: string, date: string, minutes: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // Offsets a day either side bracket any single transition near this wall time.
  const before = wallClockMs(timeZone, wall - DAY_MS) - (wall - DAY_MS);
  const after = wallClockMs(timeZone, wall + DAY_MS) - (wall + DAY_MS);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallClockMs(timeZone, instant) === wall);
  return exact ?? wall - before;
}

/**
 * The calendar date `days` after `date` (negative goes back).
 *
 * @example
 * addDays('2026-02-28', 1); // '2026-03-01'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
