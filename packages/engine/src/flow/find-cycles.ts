import type { FlowGraph } from './flow-graph.js';

/**
 * The strongly connected components, over the nodes kept by `include`, that hold a cycle (two or
 * more nodes, or one node with an edge to itself): Tarjan's algorithm without recursion, so deep
 * flows cannot overflow the stack. Each component lists node positions in ascending order; the
 * components are ordered by their first node.
 *
 * @example
 * const loops = findCycles(graph, (index) => graph.nodes[index]?.definition?.waits === false);
 */
export function findCycles(graph: FlowGraph, include: (index: number) => boolean): number[][] {
  const size = graph.nodes.length;
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (node: number) => {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
  };
  for (let root = 0; root < size; root++) {
    if (order[root] !== -1 || !include(root)) continue;
    visit(root);
    const frames: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edges = graph.outgoing[frame.node] ?? [];
      const edge = edges[frame.next];
      if (edge) {
        frame.next++;
        const target = edge.target;
        if (!include(target)) continue;
        if (order[target] === -1) {
          visit(target);
          frames.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, order[target]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== order[frame.node]) continue;
      const component: number[] = [];
      let member: number | undefined;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== frame.node);
      const isCycle =
        component.length > 1 || edges.some((candidate) => candidate.target === frame.node);
      if (isCycle) components.push(component.sort((a, b) => a - b));
    }
  }
  return components.sort((a, b) => a[0]! - b[0]!);
}
