import type { z } from 'zod';
import { portsOf, type NodeDefinition, type NodeTraits } from '../plugin/define-node.js';
import type { Registry } from '../plugin/registry.js';
import {
  flowIssueCodes,
  formatFieldPath,
  type FlowIssue,
  type FlowIssueParams,
} from './flow-issue.js';
import type { FlowNode } from './flow-schema.js';

/** A node after its own checks: settings migrated and parsed when its type allows. */
export interface CheckedNode {
  /** Position in `flow.nodes`. */
  readonly index: number;
  /** The node, with settings migrated to the type's current version and parsed (defaults applied). */
  readonly node: FlowNode;
  /** Its type's definition; `undefined` for an unknown type. */
  readonly definition: NodeDefinition | undefined;
  /** A later node that reuses an earlier node's id; edges never reach it. */
  readonly isDuplicate: boolean;
  /** Exit ports for its settings; `undefined` when the type is unknown or the settings invalid. */
  readonly ports: readonly string[] | undefined;
  /** Design-time facts; empty when unknown. */
  readonly traits: NodeTraits;
}

/** What {@link validateNodes} returns. */
export interface ValidateNodesResult {
  nodes: CheckedNode[];
  issues: FlowIssue[];
}

/**
 * Checks each node on its own: unique id, known type and version, settings migrated to the type's
 * current version and valid against its schema, and (when a channel type is given) a channel node
 * used on its own channel.
 *
 * @example
 * const { nodes, issues } = validateNodes(flow.nodes, registry, 'telegram');
 */
export function validateNodes(
  nodes: readonly FlowNode[],
  registry: Registry,
  channelType?: string,
): ValidateNodesResult {
  const issues: FlowIssue[] = [];
  const seen = new Set<string>();
  const checked = nodes.map((node, index) => {
    const isDuplicate = seen.has(node.id);
    seen.add(node.id);
    if (isDuplicate) {
      issues.push({
        severity: 'error',
        code: flowIssueCodes.duplicateId,
        message: `${describeNode(node)}: another node already has the id "${node.id}"`,
        params: { node: describeNode(node), id: node.id },
        nodeId: node.id,
        path: ['nodes', index, 'id'],
      });
    }
    return { ...checkNode(node, index, registry, channelType, issues), index, isDuplicate };
  });
  return { nodes: checked, issues };
}

type NodeCheck = Pick<CheckedNode, 'node' | 'definition' | 'ports' | 'traits'>;

function checkNode(
  node: FlowNode,
  index: number,
  registry: Registry,
  channelType: string | undefined,
  issues: FlowIssue[],
): NodeCheck {
  const definition = registry.node(node.type);
  const unchecked: NodeCheck = { node, definition, ports: undefined, traits: {} };
  const at = (...rest: (string | number)[]) => ['nodes', index, ...rest];
  const error = (
    code: string,
    message: string,
    path: (string | number)[],
    params: FlowIssueParams = {},
  ) =>
    issues.push({
      severity: 'error',
      code,
      message: `${describeNode(node)}: ${message}`,
      params: { node: describeNode(node), ...params },
      nodeId: node.id,
      path,
    });
  if (!definition) {
    error(flowIssueCodes.unknownNodeType, `unknown node type "${node.type}"`, at('type'), {
      type: node.type,
    });
    return unchecked;
  }
  if (
    channelType !== undefined &&
    definition.channels &&
    !definition.channels.includes(channelType)
  ) {
    error(
      flowIssueCodes.nodeChannelMismatch,
      `this node works only on ${definition.channels.join(', ')}, not on ${channelType}`,
      at('type'),
      { channels: definition.channels.join(', '), channel: channelType },
    );
  }
  if (node.typeVersion > definition.version) {
    error(
      flowIssueCodes.nodeVersionUnsupported,
      `typeVersion ${node.typeVersion} is newer than this engine's "${node.type}" (version ${definition.version}); upgrade attendflow`,
      at('typeVersion'),
      { typeVersion: node.typeVersion, type: node.type, version: definition.version },
    );
    return unchecked;
  }
  let settings = node.settings;
  if (node.typeVersion < definition.version && definition.migrate) {
    try {
      settings = definition.migrate(settings, node.typeVersion);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      error(
        flowIssueCodes.nodeMigrationFailed,
        `settings of typeVersion ${node.typeVersion} could not be migrated to version ${definition.version}: ${reason}`,
        at('settings'),
        { typeVersion: node.typeVersion, version: definition.version, reason },
      );
      return unchecked;
    }
  }
  const migrated: FlowNode = { ...node, typeVersion: definition.version, settings };
  const parsed = definition.settings.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) error(...settingsIssue(issue, at));
    return { ...unchecked, node: migrated };
  }
  const valid = parsed.data as Record<string, unknown>;
  return {
    node: { ...migrated, settings: valid },
    definition,
    ports: portsOf(definition, valid),
    traits: definition.traits?.(valid) ?? {},
  };
}

function settingsIssue(
  issue: z.core.$ZodIssue,
  at: (...rest: (string | number)[]) => (string | number)[],
): [string, string, (string | number)[], FlowIssueParams] {
  const fieldPath = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const field = formatFieldPath(['settings', ...fieldPath]);
  return [
    flowIssueCodes.nodeSettingsInvalid,
    `${field}: ${issue.message}`,
    at('settings', ...fieldPath),
    { field, detail: issue.message },
  ];
}

/**
 * How issue messages name a node: its type and id.
 *
 * @example
 * describeNode({ id: 'ack', type: 'auto-message' }); // 'auto-message "ack"'
 */
export function describeNode(node: Pick<FlowNode, 'id' | 'type'>): string {
  return `${node.type} "${node.id}"`;
}

/**
 * An issue about one node, its message prefixed with the node's type and id; `params` get the
 * node's description as `node`.
 *
 * @example
 * nodeIssue(checked, 'warning', flowIssueCodes.portUnconnected, `port "${port}" …`, { port });
 */
export function nodeIssue(
  checked: CheckedNode,
  severity: FlowIssue['severity'],
  code: string,
  message: string,
  params: FlowIssueParams,
  ...field: (string | number)[]
): FlowIssue {
  return {
    severity,
    code,
    message: `${describeNode(checked.node)}: ${message}`,
    params: { node: describeNode(checked.node), ...params },
    nodeId: checked.node.id,
    path: ['nodes', checked.index, ...field],
  };
}
