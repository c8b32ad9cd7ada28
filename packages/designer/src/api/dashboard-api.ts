import type { ApiClient } from './api-client';
import type { ApiAnswer } from './server-api';

/** `GET /api/dashboard`. */
export type DashboardFigures = ApiAnswer<'/api/dashboard', 'get'>;

/** A count of one day for one key (a channel, a sector; null when unset). */
export type DayCount = DashboardFigures['perDay']['byChannel'][number];

/** Durations in seconds. */
export type DurationFigures = DashboardFigures['firstResponse'];

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
