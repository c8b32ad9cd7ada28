import { ui } from '@attendflow/engine';
import { z } from 'zod';
import { addDays, epochAtLocal, isValidTimeZone, localTimeAt, weekdayOf } from './local-time.js';

const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const fromSchema = z.string().regex(clock, 'use HH:MM from 00:00 to 23:59');
const toSchema = z
  .string()
  .refine((text) => clock.test(text) || text === '24:00', 'use HH:MM from 00:00 to 24:00');

/**
 * Opening hours of one shift. `to` earlier than `from` crosses midnight: `22:00`–`02:00` on
 * Friday is open from Friday 22:00 to Saturday 02:00, and belongs to Friday (a holiday on Friday
 * cancels all of it, a holiday on Saturday none of it). `24:00` means until midnight.
 */
export const intervalSchema = z
  .object({
    from: ui(fromSchema, { label: 'From', placeholder: '09:00' }),
    to: ui(toSchema, {
      label: 'To',
      placeholder: '18:00',
      help: 'Earlier than "from" runs past midnight.',
    }),
  })
  .refine((interval) => minutesOf(interval.from) !== minutesOf(interval.to), {
    message: 'from and to are the same time: use 00:00–24:00 for the whole day',
    path: ['to'],
  });

/** {@link intervalSchema}'s type. */
export type Interval = z.infer<typeof intervalSchema>;

const isRealDate = (text: string): boolean => {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
};
const dateSchema = z
  .string()
  .refine(
    (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text),
    'use a real date written YYYY-MM-DD',
  );
// `MM-DD` repeats every year (Christmas); checked against a leap year so 02-29 is allowed.
const holidaySchema = z
  .string()
  .refine(
    (text) =>
      (/^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text)) ||
      (/^\d{2}-\d{2}$/.test(text) && isRealDate(`2024-${text}`)),
    'use a real date written YYYY-MM-DD, or MM-DD for every year',
  );

const nineToSix = (): Interval[] => [{ from: '09:00', to: '18:00' }];

/**
 * A weekly schedule in one time zone, with holidays (closed all day) and dates with special hours.
 *
 * @example
 * const weekdays = [{ from: '09:00', to: '18:00' }];
 * businessHoursSchema.parse({ timeZone: 'Europe/Moscow', weekly: [[], weekdays, weekdays, weekdays, weekdays, weekdays, []] });
 */
export const businessHoursSchema = z
  .object({
    timeZone: ui(
      z
        .string()
        .refine(isValidTimeZone, {
          error: (issue) =>
            `unknown time zone "${String(issue.input)}": use an IANA name such as America/Sao_Paulo`,
        })
        .default('America/Sao_Paulo'),
      {
        label: 'Time zone',
        placeholder: 'America/Sao_Paulo',
        help: 'IANA name; the hours are wall-clock time there.',
      },
    ),
    weekly: ui(
      z
        .array(z.array(intervalSchema))
        .length(7, 'give the hours of all 7 weekdays, Sunday (0) to Saturday (6); [] is closed')
        .default(() => [[], ...Array.from({ length: 5 }, nineToSix), []]),
      {
        label: 'Weekly hours',
        help: 'One list of shifts per weekday, Sunday first; an empty list is closed.',
      },
    ),
    holidays: ui(
      z.array(holidaySchema).default(() => []),
      {
        label: 'Holidays',
        help: 'Closed all day: YYYY-MM-DD, or MM-DD for every year.',
        widget: 'list',
      },
    ),
    specialHours: ui(
      z
        .array(
          z.object({
            date: ui(dateSchema, { label: 'Date' }),
            intervals: ui(z.array(intervalSchema), { label: 'Hours' }),
          }),
        )
        .default(() => []),
      {
        label: 'Special hours',
        help: 'Dates whose hours replace the weekly ones (an empty list is closed).',
        widget: 'list',
      },
    ),
  })
  .superRefine((schedule, ctx) => {
    const seen = new Set<string>();
    schedule.specialHours.forEach(({ date }, index) => {
      const problem = seen.has(date)
        ? 'is listed twice'
        : isHoliday(schedule, date)
          ? 'is also a holiday'
          : null;
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['specialHours', index, 'date'],
          message: `${date} ${problem}`,
        });
      seen.add(date);
    });
  });

/** {@link businessHoursSchema}'s parsed type. */
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function isHoliday(schedule: Pick<BusinessHours, 'holidays'>, date: string): boolean {
  return schedule.holidays.some((holiday) => holiday === date || holiday === date.slice(5));
}

/** The shifts that start on a local date: none on a holiday, special hours, else the weekday's. */
export function intervalsOn(schedule: BusinessHours, date: string): readonly Interval[] {
  if (isHoliday(schedule, date)) return [];
  const special = schedule.specialHours.find((entry) => entry.date === date);
  return special ? special.intervals : (schedule.weekly[weekdayOf(date)] ?? []);
}

const crossesMidnight = (interval: Interval): boolean =>
  minutesOf(interval.to) < minutesOf(interval.from);

/**
 * Whether the schedule is open at an instant (intervals are `[from, to)`), in its own time zone.
 * Supports intervals crossing midnight (`22:00`–`02:00`, see {@link intervalSchema}).
 *
 * @example
 * isOpenAt(schedule, Date.now());
 */
export function isOpenAt(schedule: BusinessHours, epochMs: number): boolean {
  const local = localTimeAt(schedule.timeZone, epochMs);
  const today = intervalsOn(schedule, local.date).some((interval) => {
    const from = minutesOf(interval.from);
    return crossesMidnight(interval)
      ? local.minutes >= from
      : local.minutes >= from && local.minutes < minutesOf(interval.to);
  });
  if (today) return true;
  const yesterday = intervalsOn(schedule, addDays(local.date, -1));
  return yesterday.some(
    (interval) => crossesMidnight(interval) && local.minutes < minutesOf(interval.to),
  );
}

/**
 * The next instant the schedule is open: `epochMs` itself when open, `null` when it never opens
 * within `horizonDays` (366 by default: an all-closed schedule, holidays everywhere).
 *
 * @example
 * const reopensAt = nextOpeningAt(schedule, ctx.now); // e.g. Monday 09:00 local, as epoch ms
 */
export function nextOpeningAt(
  schedule: BusinessHours,
  epochMs: number,
  horizonDays = 366,
): number | null {
  if (isOpenAt(schedule, epochMs)) return epochMs;
  const today = localTimeAt(schedule.timeZone, epochMs).date;
  for (let day = 0; day <= horizonDays; day++) {
    const date = addDays(today, day);
    const starts = intervalsOn(schedule, date)
      .map((interval) => minutesOf(interval.from))
      .sort((a, b) => a - b);
    for (const start of starts) {
      const instant = epochAtLocal(schedule.timeZone, date, start);
      if (instant > epochMs) return instant;
    }
  }
  return null;
}
