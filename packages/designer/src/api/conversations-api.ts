import type { ApiClient } from './api-client';
import type { ApiAnswer, ApiBody } from './server-api';

/** A row of `GET /api/conversations`. */
export type ConversationSummary = ApiAnswer<'/api/conversations', 'get'>['items'][number];

/** Where a conversation stands (the server's `status`). */
export type ConversationStatus = ConversationSummary['status'];

/** `GET /api/conversations/:id`. */
export type ConversationDetail = ApiAnswer<'/api/conversations/{id}', 'get'>;

/** One message of the transcript. */
export type TranscriptMessage = ConversationDetail['transcript'][number];

/** One entry of the event log. */
export type ConversationLogEvent = ConversationDetail['events'][number];

/** `GET /api/conversations/:id/options`: what the calling agent may do now. */
export type AgentOptions = ApiAnswer<'/api/conversations/{id}/options', 'get'>;

/** Whether the engine would accept an agent action now, else the rule that refuses it. */
export type AgentOption = AgentOptions['close'];

/** What an agent action answers. */
export type ActionResult = ApiAnswer<'/api/conversations/{id}/take', 'post'>;

/** Filters of the list. */
export interface ConversationQuery {
  status?: readonly ConversationStatus[];
  sector?: string;
  channel?: string;
  connectionId?: string;
  limit?: number;
}

/** A Reclame Aqui moderation request. */
export type ModerationRequest = ApiBody<'/api/conversations/{id}/request-moderation', 'post'>;

const queryOf = (query: ConversationQuery) => {
  const params = new URLSearchParams();
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.sector) params.set('sector', query.sector);
  if (query.channel) params.set('channel', query.channel);
  if (query.connectionId) params.set('connectionId', query.connectionId);
  params.set('limit', String(query.limit ?? 100));
  return params.toString();
};

const post = (api: ApiClient, id: string, action: string, body?: unknown) =>
  api.request<ActionResult>('POST', `/conversations/${id}/${action}`, body);

/** The conversation endpoints, typed. */
export const conversationsApi = {
  list: (api: ApiClient, query: ConversationQuery = {}) =>
    api.request<ApiAnswer<'/api/conversations', 'get'>>('GET', `/conversations?${queryOf(query)}`),
  get: (api: ApiClient, id: string) =>
    api.request<ConversationDetail>('GET', `/conversations/${id}`),
  options: (api: ApiClient, id: string) =>
    api.request<AgentOptions>('GET', `/conversations/${id}/options`),
  take: (api: ApiClient, id: string) => post(api, id, 'take'),
  reply: (api: ApiClient, id: string, body: ApiBody<'/api/conversations/{id}/reply', 'post'>) =>
    post(api, id, 'reply', body),
  requestEvaluation: (api: ApiClient, id: string) => post(api, id, 'request-evaluation'),
  requestModeration: (api: ApiClient, id: string, body: ModerationRequest) =>
    post(api, id, 'request-moderation', body),
  transfer: (api: ApiClient, id: string, sector: string) => post(api, id, 'transfer', { sector }),
  close: (api: ApiClient, id: string, solution?: string) =>
    post(api, id, 'close', solution ? { solution } : {}),
  action: (api: ApiClient, id: string, action: string, payload: Record<string, unknown> = {}) =>
    post(api, id, `actions/${action}`, payload),
};
