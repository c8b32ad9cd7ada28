import type { Flow, FlowIssue } from '@attendflow/engine';
import type { ApiClient } from './api-client';

/** A row of `GET /api/flows`. */
export interface FlowSummary {
  id: string;
  name: string;
  revision: number;
  latestVersion: number | null;
  updatedAt: string;
}

/** A flow with its draft (`GET /api/flows/:id`). */
export interface FlowView extends FlowSummary {
  draft: Flow;
  versions: number;
  createdAt: string;
  updatedBy: string | null;
}

/** A published version, without its document. */
export interface VersionSummary {
  id: string;
  number: number;
  message: string;
  author: { id: string; name: string } | null;
  createdAt: string;
}

/** An issue as the server reports it (tagged with the channel that raises it). */
export type ServerFlowIssue = FlowIssue & { channel?: string };

/** The envelope `GET /flows/:id/export` answers and `POST /flows/import` takes. */
export interface FlowExport {
  attendflowExport: 1;
  name: string;
  exportedAt: string;
  document: Flow;
}

/** The flows endpoints, typed. */
export const flowsApi = {
  list: (api: ApiClient) => api.request<FlowSummary[]>('GET', '/flows'),
  get: (api: ApiClient, id: string) => api.request<FlowView>('GET', `/flows/${id}`),
  create: (api: ApiClient, name: string, document?: Flow) =>
    api.request<FlowView>('POST', '/flows', { name, ...(document ? { document } : {}) }),
  saveDraft: (api: ApiClient, id: string, document: Flow, revision: number) =>
    api.request<FlowView>('PUT', `/flows/${id}/draft`, { document, revision }),
  publish: (api: ApiClient, id: string, message: string, revision: number) =>
    api.request<{ version: VersionSummary; issues: ServerFlowIssue[] }>(
      'POST',
      `/flows/${id}/publish`,
      { message, revision },
    ),
  versions: (api: ApiClient, id: string) =>
    api.request<VersionSummary[]>('GET', `/flows/${id}/versions`),
  rollback: (api: ApiClient, id: string, number: number, revision: number) =>
    api.request<{ version: VersionSummary; revision: number }>('POST', `/flows/${id}/rollback`, {
      number,
      revision,
    }),
  importFlow: (api: ApiClient, body: Record<string, unknown>) =>
    api.request<FlowView>('POST', '/flows/import', body),
};
