import { portsOf, type FlowNode, type NodeDefinition, type Registry } from '@attendflow/engine';

/** What the generic node renderer draws for a node, all taken from its definition. */
export interface NodeView {
  definition: NodeDefinition | undefined;
  title: string;
  icon: string;
  summary: string;
  /** Exit ports in the definition's order (the engine's `error` port is not among them). */
  ports: string[];
}

/**
 * Describes a node from its definition: label, icon, one-line summary and the exit ports for its
 * current settings. Settings that do not parse yet still give ports, so edges keep their handle.
 */
export function describeNode(
  node: FlowNode,
  registry: Registry,
  connectedPorts: readonly string[] = [],
): NodeView {
  const definition = registry.node(node.type);
  if (!definition) {
    return {
      definition,
      title: node.label ?? node.type,
      icon: '',
      summary: '',
      ports: [...new Set(connectedPorts)],
    };
  }
  const parsed = definition.settings.safeParse(node.settings);
  const settings: unknown = parsed.success ? parsed.data : node.settings;
  let ports: readonly string[] = [];
  let summary = '';
  try {
    ports = portsOf(definition, settings);
  } catch {
    ports = Array.isArray(definition.ports) ? definition.ports : [];
  }
  if (parsed.success && definition.summary) {
    try {
      summary = definition.summary(parsed.data);
    } catch {
      summary = '';
    }
  }
  const extra = connectedPorts.filter((port) => port !== 'error' && !ports.includes(port));
  return {
    definition,
    title: node.label ?? definition.label,
    icon: definition.icon,
    summary,
    ports: [...ports, ...new Set(extra)],
  };
}
