import { shares } from './dashboard-series';

/** One horizontal bar split into parts (answered in time / late / open …), with percentages. */
export function ShareBar({
  parts,
  testId,
}: {
  parts: ReadonlyArray<{ label: string; value: number; color: string }>;
  testId: string;
}) {
  const percents = shares(parts.map((p) => p.value));
  return (
    <div className="share" data-testid={testId}>
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        role="img"
        aria-label={parts.map((p) => `${p.label}: ${p.value}`).join(', ')}
      >
        {parts.map((p, i) => {
          const x = percents.slice(0, i).reduce((a, b) => a + b, 0);
          return <rect key={p.label} x={x} width={percents[i]} y={0} height={8} fill={p.color} />;
        })}
      </svg>
      <p className="legend">
        {parts.map((p, i) => (
          <span key={p.label}>
            <i style={{ background: p.color }} />
            {p.label}: {p.value} ({percents[i]}%)
          </span>
        ))}
      </p>
    </div>
  );
}
