import { validateFlow, type Flow, type FlowIssue, type Registry } from '@attendflow/engine';

/** Validates drafts as they are edited; returns the last answer when only positions changed. */
export type DraftValidator = (flow: Flow, channel: string | null) => FlowIssue[];

/**
 * Creates a validator around `validateFlow` that skips the work on moves (a drag changes every
 * frame, but positions never change the issues), comparing the parts that matter by identity.
 */
export function createDraftValidator(registry: Registry): DraftValidator {
  let last: { flow: Flow; channel: string | null; issues: FlowIssue[] } | null = null;
  return (flow, channel) => {
    if (last && last.channel === channel && sameButPositions(last.flow, flow)) return last.issues;
    const { issues } = validateFlow(flow, registry, channel ?? undefined);
    last = { flow, channel, issues };
    return issues;
  };
}

/** Whether two drafts differ in positions only (what a drag changes), compared by identity. */
export function sameButPositions(a: Flow, b: Flow): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.variables !== b.variables || a.nodes.length !== b.nodes.length) {
    return false;
  }
  return a.nodes.every((node, i) => {
    const other = b.nodes[i];
    return (
      other !== undefined &&
      node.id === other.id &&
      node.type === other.type &&
      node.typeVersion === other.typeVersion &&
      node.settings === other.settings
    );
  });
}

/** Issues grouped by the node they point at. */
export function issuesByNode(issues: readonly FlowIssue[]): Map<string, FlowIssue[]> {
  const byNode = new Map<string, FlowIssue[]>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  return byNode;
}

/** Counts errors and warnings. */
export function countIssues(issues: readonly FlowIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}
