import type { ApiClient } from '../api/api-client';

/** One node's figures (`GET /flows/:id/analytics`). */
export interface NodeFigures {
  nodeId: string;
  type: string;
  label: string | null;
  visits: number;
  entries: number;
  exits: Record<string, number>;
  dropOff: number;
  waiting: number;
}

/** Figures of a published version: per node and per edge. */
export interface FlowFigures {
  flowId: string;
  version: { id: string; number: number; createdAt: string };
  conversations: number;
  nodes: NodeFigures[];
  edges: Array<{
    edgeId: string;
    source: string;
    sourcePort: string;
    target: string;
    traversals: number;
  }>;
}

/** A conversation as the list answers it (the fields the overlay uses). */
export interface ConversationRow {
  id: string;
  channel: string;
  externalId: string;
  status: string;
  subject: string | null;
  flowVersionId: string;
  createdAt: string;
}

/** One entry of a conversation's event log, with the trace the engine wrote for it. */
export interface LoggedEvent {
  seq: number;
  type: string;
  trace: unknown[];
  createdAt: string;
}

/** Figures of a version (the latest when no number is given). */
export function fetchFigures(
  api: ApiClient,
  flowId: string,
  version?: number,
): Promise<FlowFigures> {
  const query = version === undefined ? '' : `?version=${version}`;
  return api.request<FlowFigures>('GET', `/flows/${flowId}/analytics${query}`);
}

/** The newest conversations (the server has no per-version filter: the caller narrows the list). */
export async function fetchConversations(api: ApiClient): Promise<ConversationRow[]> {
  const page = await api.request<{ items: ConversationRow[] }>('GET', '/conversations?limit=100');
  return page.items;
}

/** A conversation's event log. */
export async function fetchEvents(api: ApiClient, conversationId: string): Promise<LoggedEvent[]> {
  const detail = await api.request<{ events: LoggedEvent[] }>(
    'GET',
    `/conversations/${conversationId}`,
  );
  return detail.events;
}
