import type { BusinessHours } from './business-hours.js';

const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * One line for the canvas: `Mon–Fri 09:00–18:00 (America/Sao_Paulo)`.
 *
 * @example
 * describeSchedule(businessHoursSchema.parse({})); // 'Mon–Fri 09:00–18:00 (America/Sao_Paulo)'
 */
export function describeSchedule(schedule: BusinessHours): string {
  const hours = schedule.weekly.map((day) =>
    day.map((interval) => `${interval.from}–${interval.to}`).join(', '),
  );
  const groups: string[] = [];
  for (let start = 0; start < 7;) {
    let end = start;
    while (end + 1 < 7 && hours[end + 1] === hours[start]) end++;
    const days = end === start ? short(start) : `${short(start)}–${short(end)}`;
    if (hours[start]) groups.push(`${days} ${hours[start]}`);
    start = end + 1;
  }
  return `${groups.length > 0 ? groups.join('; ') : 'Always closed'} (${schedule.timeZone})`;
}

const short = (weekday: number): string => weekdayNames[weekday] ?? '?';
