/** Gauges read at scrape time. */
export interface ScrapeGauges {
  outboxPending: number;
  timersDue: number;
}

type Labels = Record<string, string>;
interface Sample {
  labels?: Labels;
  suffix?: string;
  value: number;
}

/** Upper bounds (seconds) of the timer lag histogram's buckets. */
export const timerLagBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] as const;

/** Upper bounds (seconds) of the step write histogram's buckets. */
export const stepWriteBuckets = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
] as const;

/** A Prometheus histogram: cumulative buckets, sum and count, in seconds. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(seconds: number): void {
    const value = Math.max(0, seconds);
    this.bounds.forEach((bound, index) => {
      if (value <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
    });
    this.sum += value;
    this.count += 1;
  }

  /** How many observations there were. */
  get observed(): number {
    return this.count;
  }

  /** The observations' sum, seconds. */
  get total(): number {
    return this.sum;
  }

  /** How many observations were above `bound` (one of the bucket bounds). */
  countAbove(bound: number): number {
    const index = this.bounds.indexOf(bound);
    if (index < 0) throw new Error(`${bound} is not a bucket bound of this histogram`);
    return this.count - (this.counts[index] ?? 0);
  }

  samples(): Sample[] {
    return [
      ...this.bounds.map((bound, index) => ({
        suffix: '_bucket',
        labels: { le: String(bound) },
        value: this.counts[index] ?? 0,
      })),
      { suffix: '_bucket', labels: { le: '+Inf' }, value: this.count },
      { suffix: '_sum', value: this.sum },
      { suffix: '_count', value: this.count },
    ];
  }
}

/**
 * The process's counters for `/metrics`, fed by hooks of the runtime, the workers and the HTTP
 * layer, and rendered in the Prometheus text format 0.0.4. Counters are per process, as
 * Prometheus expects; the queue gauges are read from the database at scrape time.
 */
export class Metrics {
  private readonly events = new Map<string, number>();
  private readonly rejections = new Map<string, number>();
  private readonly deliveries = { sent: 0, retry: 0, dead: 0 };
  private readonly http = new Map<string, { labels: Labels; value: number }>();
  private readonly timerLag = new Histogram(timerLagBuckets);
  /** Each step statement (a group commit), from sent to committed. */
  readonly stepWrites = new Histogram(stepWriteBuckets);
  private steps = 0;

  /** One dispatch's outcome: applied events and rejections both ran an engine step. */
  readonly countOutcome = (
    eventType: string,
    outcome: { status: string; rejection?: { code: string } },
  ): void => {
    if (outcome.status === 'duplicate') return;
    this.steps += 1;
    if (outcome.status === 'applied') bump(this.events, eventType);
    else if (outcome.rejection) bump(this.rejections, outcome.rejection.code);
  };

  /** Engine steps run so far (what upkeep watches for a quiet moment). */
  get stepCount(): number {
    return this.steps;
  }

  /** Steps and step statements so far (what PGlite's adaptive placement watches). */
  readonly stepLoad = (): { steps: number; statements: number } => ({
    steps: this.steps,
    statements: this.stepWrites.observed,
  });

  readonly countDelivery = (outcome: 'sent' | 'retry' | 'dead'): void => {
    this.deliveries[outcome] += 1;
  };

  readonly observeTimerLag = (lagMs: number): void => this.timerLag.observe(lagMs / 1000);

  readonly observeStepWrite = (ms: number): void => this.stepWrites.observe(ms / 1000);

  readonly countRequest = (method: string, route: string, status: number): void => {
    const key = `${method} ${route} ${status}`;
    const entry = this.http.get(key);
    if (entry) entry.value += 1;
    else this.http.set(key, { labels: { method, route, status: String(status) }, value: 1 });
  };

  /** The exposition text. */
  render(gauges: ScrapeGauges): string {
    const labelled = (map: Map<string, number>, label: string): Sample[] =>
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ labels: { [label]: key }, value }));
    return [
      family(
        'attendflow_events_total',
        'Events applied to conversations, by type.',
        'counter',
        labelled(this.events, 'type'),
      ),
      family(
        'attendflow_steps_total',
        'Engine steps run (applied and rejected events).',
        'counter',
        [{ value: this.steps }],
      ),
      family(
        'attendflow_rejections_total',
        'Agent actions refused by a channel rule, by code.',
        'counter',
        labelled(this.rejections, 'code'),
      ),
      family(
        'attendflow_deliveries_total',
        'Outbox delivery attempts, by outcome.',
        'counter',
        (['sent', 'retry', 'dead'] as const).map((outcome) => ({
          labels: { outcome },
          value: this.deliveries[outcome],
        })),
      ),
      family(
        'attendflow_timer_lag_seconds',
        'How late durable timers fired.',
        'histogram',
        this.timerLag.samples(),
      ),
      family(
        'attendflow_step_write_seconds',
        'Step statements (each a group commit of steps), from sent to committed.',
        'histogram',
        this.stepWrites.samples(),
      ),
      family('attendflow_outbox_pending', 'Outbox rows waiting for delivery.', 'gauge', [
        { value: gauges.outboxPending },
      ]),
      family('attendflow_timers_due', 'Durable timers due and not yet fired.', 'gauge', [
        { value: gauges.timersDue },
      ]),
      family(
        'attendflow_http_requests_total',
        'HTTP requests answered, by method, route and status.',
        'counter',
        [...this.http.values()].sort((a, b) =>
          Object.values(a.labels).join(' ').localeCompare(Object.values(b.labels).join(' ')),
        ),
      ),
    ].join('');
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function family(name: string, help: string, type: string, samples: Sample[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const sample of samples) {
    const labels = Object.entries(sample.labels ?? {})
      .map(([key, value]) => `${key}="${escapeLabel(value)}"`)
      .join(',');
    lines.push(`${name}${sample.suffix ?? ''}${labels ? `{${labels}}` : ''} ${sample.value}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
