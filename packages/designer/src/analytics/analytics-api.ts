import type { ApiClient } from '../api/api-client';
import type { ConversationLogEvent } from '../api/conversations-api';

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

/** One entry of a conversation's event log, with the trace the engine wrote for it. */
export type LoggedEvent = Pick<ConversationLogEvent, 'seq' | 'type' | 'trace' | 'createdAt'>;

/** Figures of a version (the latest when no number is given). */
export function fetchFigures(
  api: ApiClient,
  flowId: string,
  version?: number,
): Promise<FlowFigures> {
  const query = version === undefined ? '' : `?version=${version}`;
  return api.request<FlowFigures>('GET', `/flows/${flowId}/analytics${query}`);
}
