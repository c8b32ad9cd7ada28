import type { ApiClient } from './api-client';

/** A count of one day for one key (a channel, a sector; null when unset). */
export interface DayCount {
  day: string;
  key: string | null;
  count: number;
}

/** Durations in seconds. */
export interface DurationFigures {
  count: number;
  avgSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** `GET /api/dashboard`. */
export interface DashboardFigures {
  period: { from: string; to: string };
  perDay: { byChannel: DayCount[]; bySector: DayCount[] };
  firstResponse: DurationFigures;
  resolution: DurationFigures;
  answerWindow: Array<{
    channel: string;
    deadlineHours: number;
    inTime: number;
    late: number;
    open: number;
  }>;
  evaluations: {
    count: number;
    avgScore: number | null;
    resolved: number;
    notResolved: number;
    good: number;
    bad: number;
    scores: Array<{ score: number; count: number }>;
  };
  failedDeliveries: { total: number; byDay: DayCount[] };
}

/** Filters of the dashboard; days as `YYYY-MM-DD` (UTC). */
export interface DashboardFilter {
  from: string;
  to: string;
  channel: string;
  sector: string;
}

/** The dashboard endpoint (admins). */
export const dashboardApi = {
  get: (api: ApiClient, filter: DashboardFilter) => {
    const params = new URLSearchParams({ from: filter.from, to: filter.to });
    if (filter.channel) params.set('channel', filter.channel);
    if (filter.sector) params.set('sector', filter.sector);
    return api.request<DashboardFigures>('GET', `/dashboard?${params.toString()}`);
  },
};
