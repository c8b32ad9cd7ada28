import type { FlowInput } from '@attendflow/engine';

/** A node of a test flow; `typeVersion` defaults to 1 and positions are laid out in a row. */
export interface TestNode {
  id: string;
  type: string;
  settings?: Record<string, unknown>;
  typeVersion?: number;
}

/** Options of {@link buildFlow}. */
export interface BuildFlowOptions {
  name?: string;
  variables?: FlowInput['variables'];
}

const edgePattern = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\s*->\s*([A-Za-z0-9_-]+)$/;

/**
 * Builds a flow document for tests from nodes and edges written as `'source.port -> target'`.
 *
 * @example
 * const flow = buildFlow(
 *   [{ id: 'start', type: 'trigger' }, { id: 'ack', type: 'auto-message', settings: { text: 'Oi' } }],
 *   ['start.next -> ack'],
 * );
 */
export function buildFlow(
  nodes: readonly TestNode[],
  edges: readonly string[] = [],
  options: BuildFlowOptions = {},
): FlowInput {
  return {
    schemaVersion: 1,
    name: options.name ?? 'test flow',
    nodes: nodes.map((node, index) => ({
      id: node.id,
      type: node.type,
      typeVersion: node.typeVersion ?? 1,
      settings: node.settings ?? {},
      position: { x: index * 240, y: 0 },
    })),
    edges: edges.map((text, index) => {
      const match = edgePattern.exec(text.trim());
      if (!match) throw new Error(`edge "${text}" must look like "source.port -> target"`);
      const [, source = '', sourcePort = '', target = ''] = match;
      return { id: `e${index + 1}`, source, sourcePort, target };
    }),
    variables: options.variables ?? [],
  };
}
