import type { FlowEdge } from '@attendflow/engine';
import type { ApiClient } from '../api/api-client';

/** A value before and after. */
export interface Change<T> {
  before: T;
  after: T;
}

/** A node present on both sides whose content differs (`GET /flows/:id/diff`). */
export interface NodeChange {
  id: string;
  type: string;
  typeChange?: Change<string>;
  typeVersion?: Change<number>;
  label?: Change<string | null>;
  position?: Change<{ x: number; y: number }>;
  /** Paths of the settings that differ: `timeout.amount`, `rules[0].when`. */
  settings: string[];
}

/** A node on one side only. */
export interface NodeBrief {
  id: string;
  type: string;
  label?: string;
}

/** What the server's diff route answers (the parts the designer shows). */
export interface FlowDiff {
  from: 'draft' | number;
  to: 'draft' | number;
  hasChanges: boolean;
  nodes: { added: NodeBrief[]; removed: NodeBrief[]; changed: NodeChange[] };
  edges: { added: FlowEdge[]; removed: FlowEdge[] };
}

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
