import type { FlowGraph, GraphEdge } from './flow-graph.js';

/**
 * A forward data-flow problem over a {@link FlowGraph}: a fact known on entering each node,
 * combined over every path from the roots. `join` decides the kind of question: "on some path"
 * (a may-analysis, e.g. `||` or `Math.max`) or "on every path" (a must-analysis, e.g. `&&`).
 * Facts are primitives (compared with `Object.is`); they must have finite height under `join` and
 * `transfer` must be monotone, so the solver terminates.
 */
export interface ForwardProblem<T> {
  /** Where paths start. */
  readonly roots: readonly number[];
  /** The fact on entering a root. */
  readonly start: T;
  /** The fact after leaving `edge.source` through `edge`, given the fact on entering the source. */
  transfer(edge: GraphEdge, input: T): T;
  /** Combines the facts of two paths that meet. */
  join(a: T, b: T): T;
}

/**
 * Solves a {@link ForwardProblem} to its fixpoint with a work list. Returns, for each node, the fact
 * on entering it, or `undefined` when no path from the roots reaches it.
 *
 * @example
 * // Has every path to each node left some node through "answered"?
 * const answered = solveForward(graph, {
 *   roots: graph.entries, start: false,
 *   transfer: (edge, input) => input || edge.edge.sourcePort === 'answered',
 *   join: (a, b) => a && b,
 * });
 */
export function solveForward<T>(
  graph: FlowGraph,
  problem: ForwardProblem<T>,
): Array<T | undefined> {
  const facts = new Array<T | undefined>(graph.nodes.length).fill(undefined);
  const queued = new Uint8Array(graph.nodes.length);
  const work: number[] = [];
  for (const root of problem.roots) {
    facts[root] = problem.start;
    if (!queued[root]) work.push(root);
    queued[root] = 1;
  }
  // A FIFO queue (read cursor over a growing array) visits a chain once, in order.
  for (let cursor = 0; cursor < work.length; cursor++) {
    const node = work[cursor]!;
    queued[node] = 0;
    const input = facts[node] as T;
    for (const edge of graph.outgoing[node] ?? []) {
      const output = problem.transfer(edge, input);
      const current = facts[edge.target];
      const next = current === undefined ? output : problem.join(current, output);
      if (current !== undefined && Object.is(current, next)) continue;
      facts[edge.target] = next;
      if (!queued[edge.target]) {
        queued[edge.target] = 1;
        work.push(edge.target);
      }
    }
  }
  return facts;
}
