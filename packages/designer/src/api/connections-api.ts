import type { ApiClient } from './api-client';

/** A channel connection as the server shows it (secrets never included: `secretsSet` names them). */
export interface Connection {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
  flowId: string | null;
  status: 'active' | 'disabled';
  inboundUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** What a connection test answers; `facts` are the channel's (bot name, company pages …). */
export interface ConnectionCheck {
  ok: boolean;
  detail: string;
  facts?: Record<string, unknown>;
}

/** Where a connection's sync stands. */
export interface SyncStatus {
  progress: { pagesDone: number; pagesKnown: number; itemsImported: number; done: boolean } | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastError: string | null;
  runs: number;
  itemsIngested: number;
}

/** A channel type of the catalog (`GET /api/channel-types`). */
export interface ChannelType {
  type: string;
  label: string;
  description: string | null;
  settingsSchema: Record<string, unknown>;
  secretFields: string[];
}

/** The connection endpoints (admins), typed. */
export const connectionsApi = {
  list: (api: ApiClient) => api.request<Connection[]>('GET', '/connections'),
  create: (
    api: ApiClient,
    body: { type: string; name: string; settings: Record<string, unknown>; flowId?: string },
  ) => api.request<Connection>('POST', '/connections', body),
  update: (
    api: ApiClient,
    id: string,
    body: { name?: string; settings?: Record<string, unknown>; flowId?: string | null },
  ) => api.request<Connection>('PATCH', `/connections/${id}`, body),
  setEnabled: (api: ApiClient, id: string, isEnabled: boolean) =>
    api.request<Connection>('POST', `/connections/${id}/${isEnabled ? 'enable' : 'disable'}`),
  test: (api: ApiClient, id: string) =>
    api.request<ConnectionCheck>('POST', `/connections/${id}/test`),
  testUnsaved: (api: ApiClient, type: string, settings: Record<string, unknown>) =>
    api.request<ConnectionCheck>('POST', '/connections/test', { type, settings }),
  syncStatus: (api: ApiClient, id: string) =>
    api.request<{ status: SyncStatus | null }>('GET', `/connections/${id}/sync`),
  requestSync: (api: ApiClient, id: string) =>
    api.request<{ requested: true }>('POST', `/connections/${id}/sync`),
  channelTypes: (api: ApiClient) => api.request<ChannelType[]>('GET', '/channel-types'),
};
