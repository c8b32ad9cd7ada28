import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-en';

type Interval = { from: string; to: string };

/** The business-hours week: one list of shifts per weekday, Sunday first; empty is closed. */
export function WeeklyHoursInput({
  value,
  onChange,
}: {
  value: unknown;
  onChange: (v: Interval[][]) => void;
}) {
  const { t } = useI18n();
  const week: Interval[][] = Array.from({ length: 7 }, (_, day) =>
    Array.isArray(value) && Array.isArray(value[day]) ? (value[day] as Interval[]) : [],
  );
  const setDay = (day: number, intervals: Interval[]) =>
    onChange(week.map((current, index) => (index === day ? intervals : current)));
  return (
    <div className="weekly">
      {week.map((intervals, day) => (
        <div key={day} className="weekly-day">
          <span className="weekly-name">{t(`inspector.weekday.${day}` as MessageKey)}</span>
          {intervals.length === 0 && <span className="muted">{t('inspector.closed')}</span>}
          {intervals.map((interval, index) => (
            <span key={index} className="row">
              <input
                type="time"
                value={interval.from}
                onChange={(e) =>
                  setDay(
                    day,
                    intervals.map((x, i) => (i === index ? { ...x, from: e.target.value } : x)),
                  )
                }
              />
              –
              <input
                type="time"
                value={interval.to}
                onChange={(e) =>
                  setDay(
                    day,
                    intervals.map((x, i) => (i === index ? { ...x, to: e.target.value } : x)),
                  )
                }
              />
              <button
                type="button"
                onClick={() =>
                  setDay(
                    day,
                    intervals.filter((_, i) => i !== index),
                  )
                }
              >
                ×
              </button>
            </span>
          ))}
          <button
            type="button"
            onClick={() => setDay(day, [...intervals, { from: '09:00', to: '18:00' }])}
          >
            {t('inspector.addInterval')}
          </button>
        </div>
      ))}
    </div>
  );
}
