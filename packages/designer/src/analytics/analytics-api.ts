import type { ApiClient } from '../api/api-client';
import type { ConversationLogEvent } from '../api/conversations-api';
import type { ApiAnswer } from '../api/server-api';

/** Figures of a published version: per node and per edge (`GET /flows/:id/analytics`). */
export type FlowFigures = ApiAnswer<'/api/flows/{id}/analytics', 'get'>;

/** One node's figures. */
export type NodeFigures = FlowFigures['nodes'][number];

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
