import type { ApiClient } from './api-client';
import type { ApiAnswer, ApiBody } from './server-api';

/** A channel connection as the server shows it (secrets never included: `secretsSet` names them). */
export type Connection = ApiAnswer<'/api/connections', 'get'>[number];

/** What a connection test answers; `facts` are the channel's (bot name, company pages …). */
export type ConnectionCheck = ApiAnswer<'/api/connections/{id}/test', 'post'>;

/** Where a connection's sync stands. */
export type SyncStatus = NonNullable<ApiAnswer<'/api/connections/{id}/sync', 'get'>['status']>;

/** A channel type of the catalog (`GET /api/channel-types`). */
export type ChannelType = ApiAnswer<'/api/channel-types', 'get'>[number];

/** The connection endpoints (admins), typed. */
export const connectionsApi = {
  list: (api: ApiClient) => api.request<Connection[]>('GET', '/connections'),
  create: (api: ApiClient, body: ApiBody<'/api/connections', 'post'>) =>
    api.request<Connection>('POST', '/connections', body),
  update: (api: ApiClient, id: string, body: ApiBody<'/api/connections/{id}', 'patch'>) =>
    api.request<Connection>('PATCH', `/connections/${id}`, body),
  setEnabled: (api: ApiClient, id: string, isEnabled: boolean) =>
    api.request<Connection>('POST', `/connections/${id}/${isEnabled ? 'enable' : 'disable'}`),
  test: (api: ApiClient, id: string) =>
    api.request<ConnectionCheck>('POST', `/connections/${id}/test`),
  testUnsaved: (api: ApiClient, type: string, settings: Record<string, unknown>) =>
    api.request<ConnectionCheck>('POST', '/connections/test', { type, settings }),
  syncStatus: (api: ApiClient, id: string) =>
    api.request<ApiAnswer<'/api/connections/{id}/sync', 'get'>>('GET', `/connections/${id}/sync`),
  requestSync: (api: ApiClient, id: string) =>
    api.request<ApiAnswer<'/api/connections/{id}/sync', 'post'>>('POST', `/connections/${id}/sync`),
  channelTypes: (api: ApiClient) => api.request<ChannelType[]>('GET', '/channel-types'),
};
