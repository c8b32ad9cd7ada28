import type { Flow, FlowEdge } from '@attendflow/engine';
import type { CanvasOverlay, EdgeOverlay, NodeOverlay } from '../canvas/canvas-overlay';
import type { FlowDiff, NodeChange } from './diff-api';

/** One line of the diff list. */
export interface DiffRow {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  nodeId: string;
  type: string;
  label: string | null;
  /** What changed, as paths people read: `label`, `type`, `settings.text`. */
  fields: string[];
}

/** A node change that only moved it: shown apart so real edits stand out. */
export function isMoveOnly(change: NodeChange): boolean {
  return (
    change.position !== undefined &&
    change.settings.length === 0 &&
    !change.label &&
    !change.typeChange &&
    !change.typeVersion
  );
}

/**
 * The diff as rows: added, changed, moved, then removed nodes. `labels` (node id → label, e.g.
 * the draft's) names the nodes whose label did not change, which the server does not repeat.
 */
export function diffRows(
  diff: FlowDiff,
  labels: ReadonlyMap<string, string> = new Map(),
): DiffRow[] {
  const changed = diff.nodes.changed.map((change): DiffRow => ({
    kind: isMoveOnly(change) ? 'moved' : 'changed',
    nodeId: change.id,
    type: change.typeChange?.after ?? change.type,
    label: change.label ? change.label.after : (labels.get(change.id) ?? null),
    fields: [
      ...(change.typeChange ? ['type'] : []),
      ...(change.typeVersion ? ['typeVersion'] : []),
      ...(change.label ? ['label'] : []),
      ...change.settings.map((path) => `settings.${path}`),
      ...(change.position ? ['position'] : []),
    ],
  }));
  const brief =
    (kind: 'added' | 'removed') =>
    (node: FlowDiff['nodes']['added'][number]): DiffRow => ({
      kind,
      nodeId: node.id,
      type: node.type,
      label: node.label ?? null,
      fields: [],
    });
  return [
    ...diff.nodes.added.map(brief('added')),
    ...changed.filter((row) => row.kind === 'changed'),
    ...changed.filter((row) => row.kind === 'moved'),
    ...diff.nodes.removed.map(brief('removed')),
  ];
}

/**
 * The diff drawn on the canvas (which shows the draft): added and changed nodes marked, added
 * edges highlighted. Edges are matched by what they connect, as the server compares them.
 */
export function diffOverlay(diff: FlowDiff, flow: Flow): CanvasOverlay {
  const nodes = new Map<string, NodeOverlay>();
  for (const row of diffRows(diff)) {
    if (row.kind !== 'removed') nodes.set(row.nodeId, { diff: row.kind });
  }
  const key = (edge: Pick<FlowEdge, 'source' | 'sourcePort' | 'target'>) =>
    `${edge.source}\0${edge.sourcePort}\0${edge.target}`;
  const added = new Set(diff.edges.added.map(key));
  const edges = new Map<string, EdgeOverlay>();
  for (const edge of flow.edges)
    if (added.has(key(edge))) edges.set(edge.id, { isHighlighted: true });
  return { nodes, edges };
}

/** Counts per kind, for the summary line. */
export function diffCounts(rows: readonly DiffRow[]): Record<DiffRow['kind'], number> {
  const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}

/** Node id → label of a flow's labelled nodes. */
export function labelsOf(flow: Flow): Map<string, string> {
  const labels = new Map<string, string>();
  for (const node of flow.nodes) if (node.label) labels.set(node.id, node.label);
  return labels;
}
