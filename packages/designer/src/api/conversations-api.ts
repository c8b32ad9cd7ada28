import type { Attachment, Visibility } from '@attendflow/engine';
import type { ApiClient } from './api-client';

/** Where a conversation stands (the server's `status`). */
export type ConversationStatus = 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';

/** A row of `GET /api/conversations`. */
export interface ConversationSummary {
  id: string;
  connectionId: string;
  channel: string;
  externalId: string;
  status: ConversationStatus;
  flowState: string;
  sector: string | null;
  occurrenceType: string | null;
  occurrence: string | null;
  solution: string | null;
  assignee: string | null;
  queue: string | null;
  answerDueAt: string | null;
  subject: string | null;
  customer: Record<string, unknown>;
  flowVersionId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** One message of the transcript. */
export interface TranscriptMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  author: 'customer' | 'bot' | 'agent';
  agentId: string | null;
  visibility: Visibility | null;
  text: string;
  attachments: unknown[];
  nodeId: string | null;
  state: 'received' | 'pending' | 'sent' | 'dead';
  error: string | null;
  createdAt: string;
  notBefore: string | null;
  sentAt: string | null;
}

/** One entry of the event log. */
export interface ConversationLogEvent {
  seq: number;
  type: string;
  actor: string | null;
  payload: Record<string, unknown>;
  /** The nodes entered and left during the step (analytics, replay). */
  trace: unknown[];
  createdAt: string;
}

/** `GET /api/conversations/:id`. */
export interface ConversationDetail extends ConversationSummary {
  flowVersion: { id: string; flowId: string; number: number } | null;
  transcript: TranscriptMessage[];
  events: ConversationLogEvent[];
}

/** Whether the engine would accept an agent action now, else the rule that refuses it. */
export interface AgentOption {
  allowed: boolean;
  code: string | null;
  message: string | null;
}

/** `GET /api/conversations/:id/options`: what the calling agent may do now. */
export interface AgentOptions {
  reply: { public: AgentOption; private: AgentOption };
  requestEvaluation: AgentOption;
  transfer: AgentOption;
  close: AgentOption;
}

/** What an agent action answers. */
export interface ActionResult {
  status: 'applied' | 'duplicate';
  seq: number | null;
  conversation: ConversationSummary;
}

/** Filters of the list. */
export interface ConversationQuery {
  status?: readonly ConversationStatus[];
  sector?: string;
  channel?: string;
  connectionId?: string;
  limit?: number;
}

/** A Reclame Aqui moderation request. */
export interface ModerationRequest {
  reason: number;
  message: string;
  migrateTo?: string;
  attachments?: Attachment[];
}

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
    api.request<{ items: ConversationSummary[]; nextCursor: string | null }>(
      'GET',
      `/conversations?${queryOf(query)}`,
    ),
  get: (api: ApiClient, id: string) =>
    api.request<ConversationDetail>('GET', `/conversations/${id}`),
  options: (api: ApiClient, id: string) =>
    api.request<AgentOptions>('GET', `/conversations/${id}/options`),
  take: (api: ApiClient, id: string) => post(api, id, 'take'),
  reply: (
    api: ApiClient,
    id: string,
    body: { text: string; visibility?: Visibility; attachments?: Attachment[] },
  ) => post(api, id, 'reply', body),
  requestEvaluation: (api: ApiClient, id: string) => post(api, id, 'request-evaluation'),
  requestModeration: (api: ApiClient, id: string, body: ModerationRequest) =>
    post(api, id, 'request-moderation', body),
  transfer: (api: ApiClient, id: string, sector: string) => post(api, id, 'transfer', { sector }),
  close: (api: ApiClient, id: string, solution?: string) =>
    post(api, id, 'close', solution ? { solution } : {}),
  action: (api: ApiClient, id: string, action: string, payload: Record<string, unknown> = {}) =>
    post(api, id, `actions/${action}`, payload),
};
