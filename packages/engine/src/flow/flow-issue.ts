import { channelRuleCodes } from '../conversation/channel-rules.js';

/** How bad a {@link FlowIssue} is: errors block publishing, warnings are shown and allowed. */
export type FlowIssueSeverity = 'error' | 'warning';

/**
 * One problem `validateFlow` found in a flow document, located by node, edge and field path.
 *
 * @example
 * const issue: FlowIssue = {
 *   severity: 'error',
 *   code: 'FLOW_NODE_SETTINGS_INVALID',
 *   message: 'auto-message "ack": settings.text: Too small: expected string to have >=1 characters',
 *   nodeId: 'ack',
 *   path: ['nodes', 1, 'settings', 'text'],
 * };
 */
export interface FlowIssue {
  severity: FlowIssueSeverity;
  /** A code from {@link flowIssueCodes}. */
  code: string;
  /** One sentence for a person, in English; names the node and the field. */
  message: string;
  /**
   * The values `message` interpolates (field path, port, counts, channel label, limits…), so a host
   * can word the issue in its own language from `code`. A key ending in `NodeId` holds the id of
   * another node the issue names (`triggerNodeId`); `nodeIds` lists several, comma-separated.
   */
  params?: FlowIssueParams;
  nodeId?: string;
  edgeId?: string;
  /** Where in the document: `['nodes', 3, 'settings', 'text']`. */
  path?: (string | number)[];
}

/** The values a {@link FlowIssue}'s message interpolates, by name. */
export type FlowIssueParams = Record<string, string | number>;

/**
 * Every code a {@link FlowIssue} can carry: `FLOW_` for the document and its structure, `CHANNEL_`
 * for channel rules (the same codes the run time refuses with, from `channelRuleCodes`).
 *
 * @example
 * issues.filter((issue) => issue.code === flowIssueCodes.nodeUnreachable);
 */
export const flowIssueCodes = {
  schemaVersionUnsupported: 'FLOW_SCHEMA_VERSION_UNSUPPORTED',
  schemaInvalid: 'FLOW_SCHEMA_INVALID',
  duplicateId: 'FLOW_DUPLICATE_ID',
  unknownNodeType: 'FLOW_UNKNOWN_NODE_TYPE',
  nodeVersionUnsupported: 'FLOW_NODE_VERSION_UNSUPPORTED',
  nodeMigrationFailed: 'FLOW_NODE_MIGRATION_FAILED',
  nodeSettingsInvalid: 'FLOW_NODE_SETTINGS_INVALID',
  nodeChannelMismatch: 'FLOW_NODE_CHANNEL_MISMATCH',
  noTrigger: 'FLOW_NO_TRIGGER',
  multipleTriggers: 'FLOW_MULTIPLE_TRIGGERS',
  edgeIntoTrigger: 'FLOW_EDGE_INTO_TRIGGER',
  edgeDangling: 'FLOW_EDGE_DANGLING',
  edgeUnknownPort: 'FLOW_EDGE_UNKNOWN_PORT',
  portMultipleEdges: 'FLOW_PORT_MULTIPLE_EDGES',
  portUnconnected: 'FLOW_PORT_UNCONNECTED',
  nodeUnreachable: 'FLOW_NODE_UNREACHABLE',
  cycleWithoutWait: 'FLOW_CYCLE_WITHOUT_WAIT',
  unknownChannel: 'FLOW_UNKNOWN_CHANNEL',
  automaticVisibility: channelRuleCodes.automaticVisibility,
  visibilityUnsupported: channelRuleCodes.visibilityUnsupported,
  bodyTooLong: channelRuleCodes.bodyTooLong,
  attachmentsUnsupported: channelRuleCodes.attachmentsUnsupported,
  evaluationUnsupported: channelRuleCodes.evaluationUnsupported,
  evaluationBeforeAnswer: channelRuleCodes.evaluationBeforeAnswer,
  publicAnswerLimit: channelRuleCodes.publicAnswerLimit,
  notAwaitingCompany: channelRuleCodes.notAwaitingCompany,
  receptiveOnly: channelRuleCodes.receptiveOnly,
  actionUnsupported: channelRuleCodes.actionUnsupported,
} as const;

/** A code from {@link flowIssueCodes}. */
export type FlowIssueCode = (typeof flowIssueCodes)[keyof typeof flowIssueCodes];

/**
 * Orders issues deterministically: errors before warnings, then document-level issues, then by
 * node order (`path` `['nodes', i, …]`), then by edge order (`['edges', j, …]`); ties keep the order
 * in which they were found. Returns a new array.
 *
 * @example
 * const sorted = sortFlowIssues([...structureIssues, ...channelIssues]);
 */
export function sortFlowIssues(issues: readonly FlowIssue[]): FlowIssue[] {
  return issues
    .map((issue, order) => ({ issue, order, rank: rankOf(issue) }))
    .sort(
      (a, b) =>
        a.rank[0] - b.rank[0] ||
        a.rank[1] - b.rank[1] ||
        a.rank[2] - b.rank[2] ||
        a.order - b.order,
    )
    .map(({ issue }) => issue);
}

function rankOf(issue: FlowIssue): [number, number, number] {
  const severity = issue.severity === 'error' ? 0 : 1;
  const [area, index] = issue.path ?? [];
  if (typeof index === 'number' && area === 'nodes') return [severity, 1, index];
  if (typeof index === 'number' && area === 'edges') return [severity, 2, index];
  return [severity, 0, 0];
}

/**
 * Writes a field path the way people read it: `settings.rules[0].keyword`.
 *
 * @example
 * formatFieldPath(['nodes', 2, 'settings', 'text']); // 'nodes[2].settings.text'
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
