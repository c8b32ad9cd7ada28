import { describe, expect, it } from 'vitest';
import {
  businessHoursSchema,
  isOpenAt,
  nextOpeningAt,
  type BusinessHours,
} from './business-hours.js';
import { describeSchedule } from './describe-schedule.js';
import { epochAtLocal, localTimeAt } from './local-time.js';

const at = (iso: string) => Date.parse(iso);
const shift = (from: string, to: string) => [{ from, to }];
const schedule = (input: Record<string, unknown> = {}): BusinessHours =>
  businessHoursSchema.parse(input);
/** Only Friday open, 22:00 until 02:00 on Saturday. */
const fridayNight = (extra: Record<string, unknown> = {}) =>
  schedule({
    timeZone: 'Europe/Moscow',
    weekly: [[], [], [], [], [], shift('22:00', '02:00'), []],
    ...extra,
  });

describe('localTimeAt / epochAtLocal', () => {
  it('reads the wall clock of the zone, not of UTC, across the day boundary', () => {
    // 02:30Z on Monday is still Sunday 23:30 in São Paulo (UTC−3) and Monday 05:30 in Moscow (UTC+3).
    expect(localTimeAt('America/Sao_Paulo', at('2026-01-05T02:30:00Z'))).toEqual({
      date: '2026-01-04',
      weekday: 0,
      minutes: 23 * 60 + 30,
    });
    expect(localTimeAt('Europe/Moscow', at('2026-01-05T02:30:00Z'))).toEqual({
      date: '2026-01-05',
      weekday: 1,
      minutes: 5 * 60 + 30,
    });
    expect(epochAtLocal('Europe/Moscow', '2026-01-05', 9 * 60)).toBe(at('2026-01-05T06:00:00Z'));
    expect(epochAtLocal('America/Sao_Paulo', '2026-01-05', 0)).toBe(at('2026-01-05T03:00:00Z'));
  });

  it('takes the earlier instant of a repeated hour and the jump of a skipped one', () => {
    // Berlin falls back 03:00 CEST → 02:00 CET on 2026-10-25: 02:30 happens twice.
    expect(epochAtLocal('Europe/Berlin', '2026-10-25', 150)).toBe(at('2026-10-25T00:30:00Z'));
    // São Paulo skipped 00:00–01:00 on 2018-11-04 (its last DST): 00:00 becomes the jump, 01:00 −02.
    expect(epochAtLocal('America/Sao_Paulo', '2018-11-04', 0)).toBe(at('2018-11-04T03:00:00Z'));
  });
});

describe('isOpenAt', () => {
  it('follows the default Monday–Friday 09:00–18:00 in São Paulo, closed at 18:00 sharp', () => {
    const hours = schedule();
    expect(isOpenAt(hours, at('2026-01-05T11:59:00Z'))).toBe(false); // Mon 08:59
    expect(isOpenAt(hours, at('2026-01-05T12:00:00Z'))).toBe(true); // Mon 09:00
    expect(isOpenAt(hours, at('2026-01-05T20:59:00Z'))).toBe(true); // Mon 17:59
    expect(isOpenAt(hours, at('2026-01-05T21:00:00Z'))).toBe(false); // Mon 18:00
    expect(isOpenAt(hours, at('2026-01-04T15:00:00Z'))).toBe(false); // Sun 12:00
  });

  it('uses the local weekday when UTC is already on the next day', () => {
    const mondayAllDay = schedule({ weekly: [[], shift('00:00', '24:00'), [], [], [], [], []] });
    expect(isOpenAt(mondayAllDay, at('2026-01-05T02:59:00Z'))).toBe(false); // Sun 23:59 local
    expect(isOpenAt(mondayAllDay, at('2026-01-05T03:00:00Z'))).toBe(true); // Mon 00:00 local
    expect(isOpenAt(mondayAllDay, at('2026-01-06T02:59:00Z'))).toBe(true); // Mon 23:59 local
    expect(isOpenAt(mondayAllDay, at('2026-01-06T03:00:00Z'))).toBe(false); // Tue 00:00 local
  });

  it('runs a 22:00–02:00 shift past midnight into the next day', () => {
    const hours = fridayNight();
    expect(isOpenAt(hours, at('2026-01-09T18:59:00Z'))).toBe(false); // Fri 21:59 Moscow
    expect(isOpenAt(hours, at('2026-01-09T19:00:00Z'))).toBe(true); // Fri 22:00
    expect(isOpenAt(hours, at('2026-01-09T22:59:00Z'))).toBe(true); // Sat 01:59
    expect(isOpenAt(hours, at('2026-01-09T23:00:00Z'))).toBe(false); // Sat 02:00
    expect(isOpenAt(hours, at('2026-01-10T19:30:00Z'))).toBe(false); // Sat 22:30: Saturday has no shift
  });

  it('closes holidays all day, dated or every year, and a shift belongs to the day it starts', () => {
    expect(isOpenAt(schedule({ holidays: ['2026-01-05'] }), at('2026-01-05T15:00:00Z'))).toBe(
      false,
    );
    expect(isOpenAt(schedule({ holidays: ['2026-01-05'] }), at('2026-01-06T15:00:00Z'))).toBe(true);
    expect(isOpenAt(schedule({ holidays: ['12-25'] }), at('2026-12-25T15:00:00Z'))).toBe(false); // a Friday
    expect(isOpenAt(fridayNight({ holidays: ['2026-01-09'] }), at('2026-01-09T22:00:00Z'))).toBe(
      false,
    );
    expect(isOpenAt(fridayNight({ holidays: ['2026-01-10'] }), at('2026-01-09T22:00:00Z'))).toBe(
      true,
    );
  });

  it('replaces the weekday hours on special dates', () => {
    const hours = schedule({
      specialHours: [{ date: '2026-01-06', intervals: shift('10:00', '12:00') }],
    });
    expect(isOpenAt(hours, at('2026-01-06T12:30:00Z'))).toBe(false); // Tue 09:30
    expect(isOpenAt(hours, at('2026-01-06T13:30:00Z'))).toBe(true); // Tue 10:30
    expect(isOpenAt(hours, at('2026-01-06T16:00:00Z'))).toBe(false); // Tue 13:00
    expect(isOpenAt(hours, at('2026-01-07T16:00:00Z'))).toBe(true); // Wed 13:00: weekly again
  });
});

describe('nextOpeningAt', () => {
  it('is now when open, else the next shift start in the zone', () => {
    const hours = schedule();
    expect(nextOpeningAt(hours, at('2026-01-05T15:00:00Z'))).toBe(at('2026-01-05T15:00:00Z'));
    expect(nextOpeningAt(hours, at('2026-01-10T13:00:00Z'))).toBe(at('2026-01-12T12:00:00Z')); // Sat → Mon 09:00
    expect(nextOpeningAt(hours, at('2026-01-05T10:00:00Z'))).toBe(at('2026-01-05T12:00:00Z')); // Mon 07:00 → 09:00
    expect(nextOpeningAt(schedule({ holidays: ['2026-01-12'] }), at('2026-01-10T13:00:00Z'))).toBe(
      at('2026-01-13T12:00:00Z'),
    );
    expect(nextOpeningAt(fridayNight(), at('2026-01-09T17:00:00Z'))).toBe(
      at('2026-01-09T19:00:00Z'),
    );
  });

  it('crosses a DST change at the right offset, and gives null for a schedule that never opens', () => {
    const newYork = schedule({ timeZone: 'America/New_York' }); // DST starts Sun 2026-03-08
    expect(nextOpeningAt(newYork, at('2026-03-07T15:00:00Z'))).toBe(at('2026-03-09T13:00:00Z')); // Mon 09:00 EDT
    // São Paulo's clocks jumped from 00:00 to 01:00 on Sunday 2018-11-04: a 00:00 shift opened at the jump.
    const sundayNight = schedule({ weekly: [shift('00:00', '06:00'), [], [], [], [], [], []] });
    expect(nextOpeningAt(sundayNight, at('2018-11-03T12:00:00Z'))).toBe(at('2018-11-04T03:00:00Z'));
    expect(isOpenAt(sundayNight, at('2018-11-04T02:59:00Z'))).toBe(false); // Sat 23:59 −03
    expect(isOpenAt(sundayNight, at('2018-11-04T03:00:00Z'))).toBe(true); // Sun 01:00 −02
    expect(
      nextOpeningAt(schedule({ weekly: [[], [], [], [], [], [], []] }), at('2026-01-05T12:00:00Z')),
    ).toBeNull();
  });
});

describe('businessHoursSchema', () => {
  const issuesOf = (input: unknown) =>
    (businessHoursSchema.safeParse(input).error?.issues ?? []).map((issue) => [
      issue.path.join('.'),
      issue.message,
    ]);

  it('names the field of each bad value', () => {
    expect(issuesOf({ timeZone: 'America/Sao_Pablo' })).toEqual([
      [
        'timeZone',
        'unknown time zone "America/Sao_Pablo": use an IANA name such as America/Sao_Paulo',
      ],
    ]);
    expect(issuesOf({ weekly: [[], shift('25:00', '18:00'), [], [], [], [], []] })).toEqual([
      ['weekly.1.0.from', 'use HH:MM from 00:00 to 23:59'],
    ]);
    expect(issuesOf({ weekly: [[], shift('09:00', '09:00'), [], [], [], [], []] })[0]?.[0]).toBe(
      'weekly.1.0.to',
    );
    expect(issuesOf({ weekly: [[], [], [], [], [], []] })[0]?.[0]).toBe('weekly');
    expect(issuesOf({ holidays: ['2026-02-30'] })[0]?.[0]).toBe('holidays.0');
    expect(
      issuesOf({ holidays: ['2026-01-06'], specialHours: [{ date: '2026-01-06', intervals: [] }] }),
    ).toEqual([['specialHours.0.date', '2026-01-06 is also a holiday']]);
  });

  it('describes itself in one line', () => {
    expect(describeSchedule(schedule())).toBe('Mon–Fri 09:00–18:00 (America/Sao_Paulo)');
    expect(describeSchedule(fridayNight())).toBe('Fri 22:00–02:00 (Europe/Moscow)');
  });
});
