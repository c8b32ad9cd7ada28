import type { Flow } from '@attendflow/engine';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Point } from '../store/flow-edits';

/** Width and height of a drawn node. */
export interface Size {
  width: number;
  height: number;
}

const defaultSize: Size = { width: 240, height: 90 };
// ELK is large (~1.5 MB): loaded on the first layout, not with the app.
let elk: Promise<{ layout: (graph: ElkNode) => Promise<ElkNode> }> | null = null;
const loadElk = () =>
  (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

/**
 * Positions for every node of the flow, left to right along the edges (ELK's layered algorithm,
 * ports kept in their drawn order); notes stay where they are.
 */
export async function layoutFlow(
  flow: Flow,
  sizes: ReadonlyMap<string, Size> = new Map(),
): Promise<Map<string, Point>> {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const graph = await (
    await loadElk()
  ).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: flow.nodes.map((node) => ({ id: node.id, ...(sizes.get(node.id) ?? defaultSize) })),
    edges: flow.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return new Map(
    (graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
}
