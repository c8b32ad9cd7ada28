import type { BusinessHours } from './business-hours.js';
import { isPortuguese } from './locale.js';

const weekdayNames = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  pt: ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
};

/**
 * One line for the canvas: `Mon–Fri 09:00–18:00 (America/Sao_Paulo)`; `seg–sex …` in Portuguese.
 *
 * @example
 * describeSchedule(businessHoursSchema.parse({})); // 'Mon–Fri 09:00–18:00 (America/Sao_Paulo)'
 */
export function describeSchedule(schedule: BusinessHours, locale = 'en'): string {
  const isPt = isPortuguese(locale);
  const names = isPt ? weekdayNames.pt : weekdayNames.en;
  const short = (weekday: number): string => names[weekday] ?? '?';
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
  const closed = isPt ? 'Sempre fechado' : 'Always closed';
  return `${groups.length > 0 ? groups.join('; ') : closed} (${schedule.timeZone})`;
}
