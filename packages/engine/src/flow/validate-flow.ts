import type { z } from 'zod';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import type { Registry } from '../plugin/registry.js';
import { buildFlowGraph } from './flow-graph.js';
import { flowIssueCodes, formatFieldPath, sortFlowIssues, type FlowIssue } from './flow-issue.js';
import { flowSchema, type Flow } from './flow-schema.js';
import { migrateFlow } from './migrate-flow.js';
import { validateChannelRules } from './validate-channel-rules.js';
import { validateNodes } from './validate-nodes.js';
import { validateStructure } from './validate-structure.js';

/** What {@link validateFlow} returns. */
export interface ValidateFlowResult {
  /** No issue is an error (warnings allowed). */
  ok: boolean;
  /**
   * The document migrated to the current schema version and parsed, with each valid node's settings
   * migrated to its type's current version and parsed (defaults applied); absent when the document
   * itself did not parse.
   */
  flow?: Flow;
  /** Every issue found, errors first, then in node order. */
  issues: FlowIssue[];
}

/**
 * Validates a flow document: schema version and shape, each node's settings against its type,
 * the graph's structure and, when a channel is given (its type in the registry, or its definition),
 * the channel's rules on every path. The same function runs in the designer, at publish and in CI.
 *
 * @example
 * const { ok, flow, issues } = validateFlow(JSON.parse(text), registry, 'reclame-aqui');
 * if (!ok) return reply.code(400).send({ issues });
 */
export function validateFlow(
  flow: unknown,
  registry: Registry,
  channel?: string | ChannelDefinition,
): ValidateFlowResult {
  if (typeof flow !== 'object' || flow === null || Array.isArray(flow)) {
    return failed([
      {
        severity: 'error',
        code: flowIssueCodes.schemaInvalid,
        message: 'a flow document must be a JSON object',
        path: [],
      },
    ]);
  }
  const migrated = migrateFlow(flow);
  if (!migrated.ok) {
    return failed([
      {
        severity: 'error',
        code: flowIssueCodes.schemaVersionUnsupported,
        message: migrated.message,
        ...(migrated.params && { params: migrated.params }),
        path: ['schemaVersion'],
      },
    ]);
  }
  const parsed = flowSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return failed(parsed.error.issues.map((issue) => schemaIssue(issue, migrated.document)));
  }
  const resolved = resolveChannel(registry, channel);
  const nodes = validateNodes(parsed.data.nodes, registry, resolved.type);
  const graph = buildFlowGraph(nodes.nodes, parsed.data.edges);
  const issues = sortFlowIssues([
    ...resolved.issues,
    ...nodes.issues,
    ...validateStructure(graph),
    ...(resolved.definition ? validateChannelRules(graph, resolved.definition) : []),
  ]);
  return {
    ok: !issues.some((issue) => issue.severity === 'error'),
    flow: { ...parsed.data, nodes: nodes.nodes.map((checked) => checked.node) },
    issues,
  };
}

function failed(issues: FlowIssue[]): ValidateFlowResult {
  return { ok: false, issues: sortFlowIssues(issues) };
}

function schemaIssue(issue: z.core.$ZodIssue, document: unknown): FlowIssue {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const where = formatFieldPath(path);
  return {
    severity: 'error',
    code: flowIssueCodes.schemaInvalid,
    message: `${where === '' ? 'the flow document' : where}: ${issue.message}`,
    ...(where !== '' && { params: { field: where, detail: issue.message } }),
    ...idsAt(document, path),
    path,
  };
}

/** The node or edge a schema issue sits in, when that item has a usable id. */
function idsAt(document: unknown, path: (string | number)[]): Pick<FlowIssue, 'nodeId' | 'edgeId'> {
  const [area, index] = path;
  if ((area !== 'nodes' && area !== 'edges') || typeof index !== 'number') return {};
  const items = (document as Record<string, unknown>)[area];
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  const id: unknown =
    typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') return {};
  return area === 'nodes' ? { nodeId: id } : { edgeId: id };
}

function resolveChannel(
  registry: Registry,
  channel: string | ChannelDefinition | undefined,
): { type?: string; definition?: ChannelDefinition; issues: FlowIssue[] } {
  if (channel === undefined) return { issues: [] };
  if (typeof channel !== 'string') return { type: channel.type, definition: channel, issues: [] };
  const definition = registry.channel(channel);
  if (definition) return { type: channel, definition, issues: [] };
  const known = [...registry.channels.keys()].join(', ') || 'none';
  return {
    type: channel,
    issues: [
      {
        severity: 'error',
        code: flowIssueCodes.unknownChannel,
        message: `unknown channel type "${channel}" (known: ${known})`,
        params: { channel, known },
      },
    ],
  };
}
