import { niceScale, type DaySeries } from './dashboard-series';

/** Colours of the series, readable on light and dark panels. */
export const palette = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
];

const width = 640;
const height = 200;
const pad = { top: 8, right: 8, bottom: 22, left: 32 };

/** Bars per day stacked by key (hand-written SVG), with a legend. */
export function StackedBars({
  data,
  label,
  keyLabel,
  testId,
}: {
  data: DaySeries;
  label: string;
  keyLabel: (key: string | null) => string;
  testId: string;
}) {
  const { top, ticks } = niceScale(data.max);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, data.days.length);
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const labelEvery = Math.ceil(data.days.length / 8);
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={pad.left - 4} y={y(tick) + 4} textAnchor="end" className="axis">
              {tick}
            </text>
          </g>
        ))}
        {data.days.map((day, i) => {
          let base = 0;
          return (
            <g key={day}>
              {data.series.map((s, k) => {
                const v = s.values[i] ?? 0;
                if (v === 0) return null;
                const rect = (
                  <rect
                    key={String(s.key)}
                    x={pad.left + i * slot + slot * 0.15}
                    width={slot * 0.7}
                    y={y(base + v)}
                    height={y(base) - y(base + v)}
                    fill={palette[k % palette.length]}
                  >
                    <title>{`${day} · ${keyLabel(s.key)}: ${v}`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {i % labelEvery === 0 && (
                <text
                  x={pad.left + i * slot + slot / 2}
                  y={height - 6}
                  textAnchor="middle"
                  className="axis"
                >
                  {day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {data.series.map((s, k) => (
          <span key={String(s.key)}>
            <i style={{ background: palette[k % palette.length] }} />
            {keyLabel(s.key)} ({s.values.reduce((a, b) => a + b, 0)})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
