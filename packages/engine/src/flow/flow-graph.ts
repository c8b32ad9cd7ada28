import type { FlowEdge } from './flow-schema.js';
import type { CheckedNode } from './validate-nodes.js';

/**
 * The port every node has without declaring it: followed when the node's runtime throws.
 *
 * @example
 * const exits = [...portsOf(definition, settings), ERROR_PORT];
 */
export const ERROR_PORT = 'error';

/** An edge whose two ends are nodes of the flow, by their position in `flow.nodes`. */
export interface GraphEdge {
  /** Position in `flow.edges`. */
  readonly index: number;
  readonly edge: FlowEdge;
  readonly source: number;
  readonly target: number;
}

/** A flow as a graph over node positions, for the structure and channel checks. */
export interface FlowGraph {
  readonly nodes: readonly CheckedNode[];
  /** Every edge of the document, in order, dangling ones included. */
  readonly flowEdges: readonly FlowEdge[];
  /** Position of the first node with each id. */
  readonly indexById: ReadonlyMap<string, number>;
  /** Edges whose two ends exist, in document order. */
  readonly edges: readonly GraphEdge[];
  readonly outgoing: readonly (readonly GraphEdge[])[];
  readonly incoming: readonly (readonly GraphEdge[])[];
  /** Positions of the entry (trigger) nodes. */
  readonly entries: readonly number[];
  /** Whether each node can be reached from an entry node. */
  readonly reachable: readonly boolean[];
}

/**
 * Indexes checked nodes and edges as a graph: adjacency both ways, entry nodes, reachability.
 * Edges point at the first node with an id; edges with a missing end are left out.
 *
 * @example
 * const graph = buildFlowGraph(validateNodes(flow.nodes, registry).nodes, flow.edges);
 */
export function buildFlowGraph(
  nodes: readonly CheckedNode[],
  flowEdges: readonly FlowEdge[],
): FlowGraph {
  const indexById = new Map<string, number>();
  nodes.forEach((checked, index) => {
    if (!indexById.has(checked.node.id)) indexById.set(checked.node.id, index);
  });
  const outgoing: GraphEdge[][] = nodes.map(() => []);
  const incoming: GraphEdge[][] = nodes.map(() => []);
  const edges: GraphEdge[] = [];
  flowEdges.forEach((edge, index) => {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source === undefined || target === undefined) return;
    const graphEdge: GraphEdge = { index, edge, source, target };
    edges.push(graphEdge);
    outgoing[source]?.push(graphEdge);
    incoming[target]?.push(graphEdge);
  });
  const entries = nodes.flatMap((checked, index) => (checked.definition?.isEntry ? [index] : []));
  return {
    nodes,
    flowEdges,
    indexById,
    edges,
    outgoing,
    incoming,
    entries,
    reachable: reachableFrom(entries, outgoing, nodes.length),
  };
}

function reachableFrom(
  roots: readonly number[],
  outgoing: readonly (readonly GraphEdge[])[],
  size: number,
): boolean[] {
  const reached = new Array<boolean>(size).fill(false);
  const stack = [...roots];
  for (const root of roots) reached[root] = true;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const { target } of outgoing[next] ?? []) {
      if (reached[target]) continue;
      reached[target] = true;
      stack.push(target);
    }
  }
  return reached;
}
