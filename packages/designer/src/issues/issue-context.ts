import {
  localizeNode,
  settingsFieldsOf,
  type Flow,
  type FlowIssue,
  type Registry,
} from '@attendflow/engine';
import { nodeTitle } from '../canvas/describe-node';

/** Where an issue points, as the admin reads it in the UI language. */
export interface IssueContext {
  /** The node's own label, else its type's label. */
  node?: string;
  /** The label of the settings field the issue is about. */
  field?: string;
}

/**
 * Names the node and the settings field an issue points at, with the node type's texts in the UI
 * language (`Transferir para atendente › Tempo limite`).
 *
 * @example
 * issueContext(issue, flow, registry, 'pt-BR'); // { node: 'Mensagem automática', field: 'Mensagem' }
 */
export function issueContext(
  issue: FlowIssue,
  flow: Flow,
  registry: Registry,
  locale: string,
): IssueContext {
  const node = flow.nodes.find((candidate) => candidate.id === issue.nodeId);
  if (!node) return {};
  const context: IssueContext = { node: nodeTitle(node, registry, locale) };
  const definition = registry.node(node.type);
  if (!definition) return context;
  const text = localizeNode(definition, locale);
  const [area, , where, ...rest] = issue.path ?? [];
  if (area !== 'nodes' || where !== 'settings' || rest.length === 0) return context;
  // List indexes add no segment to a field's path (`rules[0].id` is the field `rules.id`).
  const path = rest.filter((key) => typeof key === 'string').join('.');
  const field = settingsFieldsOf(text.settingsSchema()).find((f) => f.path === path);
  return field?.label ? { ...context, field: field.label } : context;
}
