import type { Flow } from '@attendflow/engine';

/** What a side panel draws over one node: the simulator's current node, a diff mark, figures. */
export interface NodeOverlay {
  /** The node a run is in now (simulator, replay). */
  isActive?: boolean;
  /** A run went through the node. */
  isVisited?: boolean;
  /** How the node differs from the version it is compared with. */
  diff?: 'added' | 'changed' | 'moved';
  /** Analytics: conversations that entered the node. */
  visits?: number;
  /** Analytics: conversations whose flow stopped (or still waits) in the node. */
  dropOff?: number;
}

/** What a side panel draws over one edge. */
export interface EdgeOverlay {
  /** Shown on the edge (analytics traversals). */
  label?: string;
  /** A run crossed the edge, or it is new in a diff. */
  isHighlighted?: boolean;
}

/** Everything drawn over the canvas by the active side panel; ids are document ids. */
export interface CanvasOverlay {
  nodes: ReadonlyMap<string, NodeOverlay>;
  edges: ReadonlyMap<string, EdgeOverlay>;
}

/** Nothing drawn over the canvas. */
export const emptyOverlay: CanvasOverlay = { nodes: new Map(), edges: new Map() };

/** One node entered or left on a run's path, in order. */
export interface PathStep {
  nodeId: string;
  kind: 'enter' | 'exit';
  port?: string;
}

/**
 * The overlay of a run's path: visited nodes, crossed edges (an exit through a port crosses the
 * edge of that port) and the node the run is in now.
 */
export function pathOverlay(
  flow: Flow,
  steps: readonly PathStep[],
  activeNode: string | null,
): CanvasOverlay {
  const nodes = new Map<string, NodeOverlay>();
  const edges = new Map<string, EdgeOverlay>();
  const edgeOf = new Map(flow.edges.map((edge) => [`${edge.source}\0${edge.sourcePort}`, edge.id]));
  for (const step of steps) {
    if (step.kind === 'enter') nodes.set(step.nodeId, { isVisited: true });
    const edgeId =
      step.kind === 'exit' ? edgeOf.get(`${step.nodeId}\0${step.port ?? ''}`) : undefined;
    if (edgeId) edges.set(edgeId, { isHighlighted: true });
  }
  if (activeNode !== null && flow.nodes.some((node) => node.id === activeNode)) {
    nodes.set(activeNode, { isVisited: true, isActive: true });
  }
  return { nodes, edges };
}

/** Whether a node draws a row of overlay badges (diff, visits, "here now"). */
export function hasOverlayBadges(overlay: NodeOverlay | undefined): boolean {
  return !!overlay && (!!overlay.diff || overlay.visits !== undefined || !!overlay.isActive);
}
