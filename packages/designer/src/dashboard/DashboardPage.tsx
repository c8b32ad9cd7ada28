import { useEffect, useState } from 'react';
import {
  dashboardApi,
  type DashboardFigures,
  type DashboardFilter,
  type DurationFigures,
} from '../api/dashboard-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';
import { readableDuration, stackByDay } from './dashboard-series';
import { ScoreBars } from './ScoreBars';
import { ShareBar } from './ShareBar';
import { StackedBars } from './StackedBars';
import './dashboard.css';

const channels = [...designerRegistry.channels.values()];
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The admins' dashboard: charts of the period, channel and sector chosen. */
export function DashboardPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [filter, setFilter] = useState<DashboardFilter>({
    from: daysAgo(29),
    to: today(),
    channel: '',
    sector: '',
  });
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isLive = true;
    dashboardApi.get(api, filter).then(
      (answer) => {
        if (!isLive) return;
        setFigures(answer);
        setError(null);
      },
      (e: unknown) => isLive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      isLive = false;
    };
  }, [api, filter]);
  const set = (patch: Partial<DashboardFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const channelLabel = (key: string | null) =>
    key === null ? t('dashboard.none') : (designerRegistry.channel(key)?.label ?? key);
  const sectors = figures
    ? [...new Set(figures.perDay.bySector.map((r) => r.key).filter((k): k is string => k !== null))]
    : [];
  return (
    <section className="page" data-testid="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <div className="filters">
        <label>
          {t('dashboard.from')}
          <input
            type="date"
            value={filter.from}
            max={filter.to}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </label>
        <label>
          {t('dashboard.to')}
          <input
            type="date"
            value={filter.to}
            min={filter.from}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </label>
        <label>
          {t('dashboard.channel')}
          <select value={filter.channel} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">{t('dashboard.all')}</option>
            {channels.map((c) => (
              <option key={c.type} value={c.type}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.sector')}
          <input
            list="dashboard-sectors"
            value={filter.sector}
            onChange={(e) => set({ sector: e.target.value })}
            placeholder={t('dashboard.all')}
          />
          <datalist id="dashboard-sectors">
            {sectors.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {figures && <DashboardCharts figures={figures} channelLabel={channelLabel} />}
    </section>
  );
}

function DashboardCharts({
  figures,
  channelLabel,
}: {
  figures: DashboardFigures;
  channelLabel: (key: string | null) => string;
}) {
  const { t } = useI18n();
  const { from, to } = figures.period;
  const e = figures.evaluations;
  return (
    <div className="dashboard-grid">
      <section className="card">
        <h2>{t('dashboard.perDayChannel')}</h2>
        <StackedBars
          data={stackByDay(figures.perDay.byChannel, from, to)}
          label={t('dashboard.perDayChannel')}
          keyLabel={channelLabel}
          testId="chart-channel"
        />
      </section>
      <section className="card">
        <h2>{t('dashboard.perDaySector')}</h2>
        <StackedBars
          data={stackByDay(figures.perDay.bySector, from, to)}
          label={t('dashboard.perDaySector')}
          keyLabel={(k) => k ?? t('dashboard.none')}
          testId="chart-sector"
        />
      </section>
      <section className="card">
        <h2>{t('dashboard.times')}</h2>
        <Durations title={t('dashboard.firstResponse')} figures={figures.firstResponse} />
        <Durations title={t('dashboard.resolution')} figures={figures.resolution} />
      </section>
      <section className="card">
        <h2>{t('dashboard.window')}</h2>
        {figures.answerWindow.length === 0 && <p className="muted">{t('dashboard.noData')}</p>}
        {figures.answerWindow.map((w) => (
          <div key={w.channel}>
            <h3>
              {t('dashboard.windowOf', {
                channel: channelLabel(w.channel),
                hours: w.deadlineHours,
              })}
            </h3>
            <ShareBar
              testId={`window-${w.channel}`}
              parts={[
                { label: t('dashboard.inTime'), value: w.inTime, color: '#16a34a' },
                { label: t('dashboard.late'), value: w.late, color: '#dc2626' },
                { label: t('dashboard.open'), value: w.open, color: '#9aa0b0' },
              ]}
            />
          </div>
        ))}
      </section>
      <section className="card">
        <h2>{t('dashboard.evaluations')}</h2>
        <p>
          <span className="stat">{e.count}</span> {t('dashboard.evaluationsCount')}
          {e.avgScore !== null &&
            ` · ${t('dashboard.avgScore', { score: Math.round(e.avgScore * 10) / 10 })}`}
        </p>
        <ShareBar
          testId="evaluation-resolved"
          parts={[
            { label: t('dashboard.resolved'), value: e.resolved, color: '#16a34a' },
            { label: t('dashboard.notResolved'), value: e.notResolved, color: '#dc2626' },
          ]}
        />
        {e.good + e.bad > 0 && (
          <ShareBar
            testId="evaluation-rating"
            parts={[
              { label: t('dashboard.good'), value: e.good, color: '#16a34a' },
              { label: t('dashboard.bad'), value: e.bad, color: '#dc2626' },
            ]}
          />
        )}
        <ScoreBars scores={e.scores} label={t('dashboard.scores')} />
      </section>
      <section className="card">
        <h2>{t('dashboard.failed')}</h2>
        <p>
          <span className="stat" data-testid="failed-total">
            {figures.failedDeliveries.total}
          </span>{' '}
          {t('dashboard.failedCount')}
        </p>
        <StackedBars
          data={stackByDay(figures.failedDeliveries.byDay, from, to)}
          label={t('dashboard.failed')}
          keyLabel={channelLabel}
          testId="chart-failed"
        />
      </section>
    </div>
  );
}

function Durations({ title, figures }: { title: string; figures: DurationFigures }) {
  const { t } = useI18n();
  const show = (seconds: number | null) => {
    if (seconds === null) return '—';
    const { value, unit } = readableDuration(seconds);
    return t(`unit.${unit}`, { value });
  };
  return (
    <div>
      <h3>{title}</h3>
      <p>
        <span className="stat">{show(figures.medianSeconds)}</span> {t('dashboard.median')} ·{' '}
        {t('dashboard.avg')} {show(figures.avgSeconds)} · p90 {show(figures.p90Seconds)} ·{' '}
        {t('dashboard.count', { count: figures.count })}
      </p>
    </div>
  );
}
