import type { ChannelDefinition } from '../plugin/define-channel.js';
import { checkChannelPaths } from './check-channel-paths.js';
import type { FlowGraph } from './flow-graph.js';
import { flowIssueCodes, type FlowIssue, type FlowIssueParams } from './flow-issue.js';
import { nodeIssue, type CheckedNode } from './validate-nodes.js';

/** The channel action every channel with an evaluation policy takes, without declaring it. */
export const EVALUATION_REQUEST_ACTION = 'evaluation.request';

/**
 * Checks a flow against a channel's policies, from each node's `traits`: what every node asks for
 * on its own (visibility, body length, attachments, evaluation, channel actions, on every node,
 * reachable or not) and what the paths from the trigger do (evaluation before the answer, public
 * answers beyond the limit, replies while the customer has the turn, sending after close).
 *
 * @example
 * const issues = validateChannelRules(graph, registry.channel('reclame-aqui')!);
 */
export function validateChannelRules(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  return [
    ...graph.nodes.flatMap((checked) => checkNode(checked, channel)),
    ...checkChannelPaths(graph, channel),
  ];
}

function checkNode(checked: CheckedNode, channel: ChannelDefinition): FlowIssue[] {
  const { policies, label } = channel;
  const { traits } = checked;
  const issues: FlowIssue[] = [];
  const report = (
    severity: FlowIssue['severity'],
    code: string,
    message: string,
    params: FlowIssueParams = {},
  ) =>
    issues.push(
      nodeIssue(checked, severity, code, message, { channel: label, ...params }, 'settings'),
    );
  for (const message of traits.messages ?? []) {
    const asked = message.visibility;
    if (asked && policies.automaticVisibility && asked !== policies.automaticVisibility) {
      report(
        'error',
        flowIssueCodes.automaticVisibility,
        `this message is ${asked}, but on ${label} automatic messages are ${policies.automaticVisibility}: it will be sent ${policies.automaticVisibility}ly`,
        { visibility: asked, automaticVisibility: policies.automaticVisibility },
      );
    } else if (asked && !policies.visibilities.includes(asked)) {
      report(
        'warning',
        flowIssueCodes.visibilityUnsupported,
        `this message is ${asked}, but ${label} has no ${asked} messages: it will be sent ${policies.visibilities[0] ?? 'public'}ly`,
        { visibility: asked, sentVisibility: policies.visibilities[0] ?? 'public' },
      );
    }
    if (policies.maxBodyLength !== undefined && message.text.length > policies.maxBodyLength) {
      report(
        'error',
        flowIssueCodes.bodyTooLong,
        `the message has ${message.text.length} characters; ${label} takes at most ${policies.maxBodyLength}`,
        { length: message.text.length, max: policies.maxBodyLength },
      );
    }
    if (message.hasAttachments && !policies.attachments) {
      report(
        'error',
        flowIssueCodes.attachmentsUnsupported,
        `the message carries attachments, but ${label} takes none`,
      );
    }
  }
  if (traits.requestsEvaluation && !policies.evaluation) {
    report(
      'error',
      flowIssueCodes.evaluationUnsupported,
      `this node requests an evaluation, but ${label} has no evaluation`,
    );
  }
  for (const action of new Set(traits.channelActions ?? [])) {
    if (action === EVALUATION_REQUEST_ACTION || Object.hasOwn(channel.actions, action)) continue;
    report(
      'error',
      flowIssueCodes.actionUnsupported,
      `this node requests "${action}", which ${label} does not have`,
      { action },
    );
  }
  return issues;
}
