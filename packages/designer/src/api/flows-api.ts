import type { Flow } from '@attendflow/engine';
import type { ApiClient } from './api-client';
import type { ApiAnswer } from './server-api';

/** A row of `GET /api/flows`. */
export type FlowSummary = ApiAnswer<'/api/flows', 'get'>[number];

/** A flow with its draft (`GET /api/flows/:id`). */
export type FlowView = ApiAnswer<'/api/flows/{id}', 'get'>;

/** A published version, without its document. */
export type VersionSummary = ApiAnswer<'/api/flows/{id}/versions', 'get'>[number];

/** What publishing answers: the version, and the issues that did not block it. */
export type PublishResult = ApiAnswer<'/api/flows/{id}/publish', 'post'>;

/** An issue as the server reports it (tagged with the channel that raises it). */
export type ServerFlowIssue = PublishResult['issues'][number];

/** The envelope `GET /flows/:id/export` answers and `POST /flows/import` takes. */
export type FlowExport = ApiAnswer<'/api/flows/{id}/export', 'get'>;

/** The flows endpoints, typed. */
export const flowsApi = {
  list: (api: ApiClient) => api.request<FlowSummary[]>('GET', '/flows'),
  get: (api: ApiClient, id: string) => api.request<FlowView>('GET', `/flows/${id}`),
  create: (api: ApiClient, name: string, document?: Flow) =>
    api.request<FlowView>('POST', '/flows', { name, ...(document ? { document } : {}) }),
  saveDraft: (api: ApiClient, id: string, document: Flow, revision: number) =>
    api.request<FlowView>('PUT', `/flows/${id}/draft`, { document, revision }),
  publish: (api: ApiClient, id: string, message: string, revision: number) =>
    api.request<PublishResult>('POST', `/flows/${id}/publish`, { message, revision }),
  versions: (api: ApiClient, id: string) =>
    api.request<VersionSummary[]>('GET', `/flows/${id}/versions`),
  rollback: (api: ApiClient, id: string, number: number, revision: number) =>
    api.request<ApiAnswer<'/api/flows/{id}/rollback', 'post'>>('POST', `/flows/${id}/rollback`, {
      number,
      revision,
    }),
  importFlow: (api: ApiClient, body: Record<string, unknown>) =>
    api.request<FlowView>('POST', '/flows/import', body),
};
