import { niceScale, scoreBuckets } from './dashboard-series';

/** Evaluation scores 0–10 as columns. */
export function ScoreBars({
  scores,
  label,
}: {
  scores: ReadonlyArray<{ score: number; count: number }>;
  label: string;
}) {
  const buckets = scoreBuckets(scores);
  const { top } = niceScale(Math.max(...buckets));
  return (
    <svg
      viewBox="0 0 220 90"
      role="img"
      aria-label={label}
      className="chart"
      data-testid="score-bars"
    >
      {buckets.map((count, score) => {
        const h = (count / top) * 70;
        return (
          <g key={score}>
            <rect
              x={score * 20 + 2}
              width={16}
              y={75 - h}
              height={h}
              fill={score >= 7 ? '#16a34a' : score >= 5 ? '#d97706' : '#dc2626'}
            >
              <title>{`${score}: ${count}`}</title>
            </rect>
            <text x={score * 20 + 10} y={87} textAnchor="middle" className="axis">
              {score}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
