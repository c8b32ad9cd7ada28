import type { ApiClient } from './api-client';

/** Reclame Aqui's `companies` query: the companies a complaint can be moved to. */
export interface CompanySearchAnswer {
  items: Array<{ companyId: string; name: string }>;
  page: number;
  limit: number;
  /** Null when the channel does not say. */
  total: number | null;
}

/** Reclame Aqui's `reputation` query: the periods of the connection's company page. */
export interface ReputationAnswer {
  companyPageId: string | null;
  periods: unknown[];
}

/** Asks a conversation's channel one of its read-only queries (`GET …/channel-queries/:name`). */
export const channelQueriesApi = {
  run: <T>(
    api: ApiClient,
    conversationId: string,
    name: string,
    params: Record<string, string | number> = {},
  ) => {
    const query = new URLSearchParams(
      Object.entries(params).map(([key, value]) => [key, String(value)]),
    ).toString();
    return api.request<T>(
      'GET',
      `/conversations/${conversationId}/channel-queries/${name}${query ? `?${query}` : ''}`,
    );
  },
};
