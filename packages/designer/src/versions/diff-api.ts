import type { ApiClient } from '../api/api-client';
import type { ApiAnswer } from '../api/server-api';

/** What changed between two versions, or a version and the draft (`GET /flows/:id/diff`). */
export type FlowDiff = ApiAnswer<'/api/flows/{id}/diff', 'get'>;

/** A node present on both sides whose content differs (`settings`: the paths that differ). */
export type NodeChange = FlowDiff['nodes']['changed'][number];

/** A node on one side only. */
export type NodeBrief = FlowDiff['nodes']['added'][number];

/** One side of a comparison: a version number or the draft. */
export type FlowRef = number | 'draft';

/** Fetches what changed between two versions (or a version and the draft). */
export function fetchDiff(
  api: ApiClient,
  flowId: string,
  from: FlowRef,
  to: FlowRef,
): Promise<FlowDiff> {
  return api.request<FlowDiff>('GET', `/flows/${flowId}/diff?from=${from}&to=${to}`);
}
