import {
  localizeNode,
  portsOf,
  type FlowNode,
  type NodeDefinition,
  type Registry,
} from '@attendflow/engine';

/** What the generic node renderer draws for a node, all taken from its definition. */
export interface NodeView {
  definition: NodeDefinition | undefined;
  /** The UI language the texts below are in. */
  locale: string;
  title: string;
  icon: string;
  summary: string;
  /** Exit ports in the definition's order (the engine's `error` port is not among them). */
  ports: string[];
  /** The label of each port in {@link locale} (the port's name where the plugin has none). */
  portLabels: Readonly<Record<string, string>>;
  /** The settings as parsed by the definition; `undefined` while they do not parse. */
  settings: unknown;
}

/**
 * Describes a node from its definition: label, icon, one-line summary and the exit ports for its
 * current settings, in the UI language. Settings that do not parse yet still give ports, so edges
 * keep their handle.
 */
export function describeNode(
  node: FlowNode,
  registry: Registry,
  connectedPorts: readonly string[] = [],
  locale = 'en',
): NodeView {
  const definition = registry.node(node.type);
  if (!definition) {
    const ports = [...new Set(connectedPorts)];
    return {
      definition,
      locale,
      title: node.label ?? node.type,
      icon: '',
      summary: '',
      ports,
      portLabels: Object.fromEntries(ports.map((port) => [port, port])),
      settings: undefined,
    };
  }
  const parsed = definition.settings.safeParse(node.settings);
  const settings: unknown = parsed.success ? parsed.data : node.settings;
  let ports: readonly string[] = [];
  try {
    ports = portsOf(definition, settings);
  } catch {
    ports = Array.isArray(definition.ports) ? definition.ports : [];
  }
  const extra = connectedPorts.filter((port) => port !== 'error' && !ports.includes(port));
  return localizeView(
    {
      definition,
      locale: '',
      title: '',
      icon: definition.icon,
      summary: '',
      ports: [...ports, ...new Set(extra)],
      portLabels: {},
      settings: parsed.success ? parsed.data : undefined,
    },
    node,
    locale,
  );
}

/**
 * The same view with its title, summary and port labels in another UI language (the view itself
 * when it is in that language already): a cached view follows a change of language.
 */
export function localizeView(view: NodeView, node: FlowNode, locale: string): NodeView {
  if (view.locale === locale || !view.definition) return view;
  const text = localizeNode(view.definition, locale);
  let summary = '';
  if (view.settings !== undefined) {
    try {
      summary = text.summary(view.settings);
    } catch {
      summary = '';
    }
  }
  return {
    ...view,
    locale,
    title: node.label || text.label,
    summary,
    portLabels: Object.fromEntries(view.ports.map((port) => [port, text.port(port)])),
  };
}

/**
 * What a node is called in the UI language: its own label, else its type's (else the type id).
 *
 * @example
 * nodeTitle({ type: 'close', … }, registry, 'pt-BR'); // 'Encerrar atendimento'
 */
export function nodeTitle(node: FlowNode, registry: Registry, locale: string): string {
  const definition = registry.node(node.type);
  return node.label || (definition ? localizeNode(definition, locale).label : node.type);
}
