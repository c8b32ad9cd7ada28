import type { ChannelDefinition } from '../plugin/define-channel.js';
import { ERROR_PORT, type FlowGraph, type GraphEdge } from './flow-graph.js';
import { flowIssueCodes, type FlowIssue } from './flow-issue.js';
import { solveForward } from './solve-forward.js';
import { describeNode, nodeIssue, type CheckedNode } from './validate-nodes.js';

/**
 * The channel rules that depend on the order of nodes, checked on every path with forward
 * data-flow analyses. A node's effects (its messages, closing) count only when it is left through
 * a port other than `error`, since `error` means its runtime threw.
 *
 * @example
 * const issues = checkChannelPaths(graph, reclameAqui);
 */
export function checkChannelPaths(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  return [
    ...checkEvaluationAfterAnswer(graph, channel),
    ...checkPublicAnswerLimit(graph, channel),
    ...checkAwaitingCompany(graph, channel),
    ...checkReceptiveOnly(graph, channel),
  ];
}

const sendsMessages = (checked: CheckedNode) => (checked.traits.messages?.length ?? 0) > 0;
const waits = (checked: CheckedNode) => checked.definition?.waits === true;
const leftByPublicAnswer = (source: CheckedNode, { edge }: GraphEdge) =>
  source.traits.publicAnswerPort !== undefined &&
  edge.sourcePort === source.traits.publicAnswerPort;
const leftNormally = ({ edge }: GraphEdge) => edge.sourcePort !== ERROR_PORT;
/** Joins "some node before" facts (a node position, or -1 for none) by keeping the earliest node. */
const earliest = (a: number, b: number) => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

function checkEvaluationAfterAnswer(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  const requires = channel.policies.evaluation?.requires;
  if (requires === undefined || requires === 'none') return [];
  const counts = (source: CheckedNode, edge: GraphEdge) =>
    leftByPublicAnswer(source, edge) ||
    (requires === 'company-message' && sendsMessages(source) && leftNormally(edge));
  const answered = solveForward(graph, {
    roots: graph.entries,
    start: false,
    transfer: (edge, input) => input || counts(graph.nodes[edge.source]!, edge),
    join: (a, b) => a && b,
  });
  const before =
    requires === 'public-answer' ? "the company's public answer" : 'any message from the company';
  return graph.nodes
    .filter((checked) => checked.traits.requestsEvaluation && answered[checked.index] === false)
    .map((checked) =>
      nodeIssue(
        checked,
        'error',
        flowIssueCodes.evaluationBeforeAnswer,
        `on some path from the trigger this node requests the evaluation before ${before}; ${channel.label} takes the request only after it`,
        { channel: channel.label, requires },
      ),
    );
}

function checkPublicAnswerLimit(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  const max = channel.policies.publicAnswer?.max;
  if (max === undefined) return [];
  const answers = solveForward(graph, {
    roots: graph.entries,
    start: 0,
    transfer: (edge, input) =>
      Math.min(max, input + (leftByPublicAnswer(graph.nodes[edge.source]!, edge) ? 1 : 0)),
    join: Math.max,
  });
  return graph.nodes
    .filter((checked) => {
      const before = answers[checked.index];
      return checked.traits.publicAnswerPort !== undefined && before !== undefined && before >= max;
    })
    .map((checked) =>
      nodeIssue(
        checked,
        'warning',
        flowIssueCodes.publicAnswerLimit,
        `on some path from the trigger ${max === 1 ? 'the public answer was already given' : `${max} public answers were already given`} before this node; ${channel.label} takes at most ${max} per conversation: this one will be refused`,
        { channel: channel.label, max },
      ),
    );
}

function checkAwaitingCompany(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  if (!channel.policies.replyOnlyWhenAwaitingCompany) return [];
  // The fact: a node that sent since the customer last had the chance to write (-1: none).
  // A waiting node gives the customer that chance, before and after its own messages.
  const lastSender = solveForward(graph, {
    roots: graph.entries,
    start: -1,
    transfer: (edge, input) => {
      const source = graph.nodes[edge.source]!;
      if (waits(source)) return -1;
      return sendsMessages(source) && leftNormally(edge) ? edge.source : input;
    },
    join: earliest,
  });
  const issues: FlowIssue[] = [];
  for (const checked of graph.nodes) {
    const previous = lastSender[checked.index];
    if (previous === undefined || waits(checked) || !sendsMessages(checked)) continue;
    const declared = checked.traits.messages?.length ?? 0;
    const count = checked.traits.sendsOneOf ? Math.min(1, declared) : declared;
    const previousNode = previous >= 0 ? graph.nodes[previous]!.node : undefined;
    const after = previousNode
      ? `this message follows the one of ${describeNode(previousNode)}`
      : count > 1
        ? `this node sends ${count} messages in a row`
        : undefined;
    if (after === undefined) continue;
    issues.push(
      nodeIssue(
        checked,
        'warning',
        flowIssueCodes.notAwaitingCompany,
        `${after} with no waiting node in between; ${channel.label} takes a reply only while the conversation awaits the company: it will be refused`,
        previousNode
          ? {
              channel: channel.label,
              previous: describeNode(previousNode),
              previousNodeId: previousNode.id,
            }
          : { channel: channel.label, count },
      ),
    );
  }
  return issues;
}

function checkReceptiveOnly(graph: FlowGraph, channel: ChannelDefinition): FlowIssue[] {
  if (!channel.policies.receptiveOnly) return [];
  const closers = graph.nodes.flatMap((checked) => (checked.traits.closes ? [checked.index] : []));
  if (closers.length === 0) return [];
  const closedBy = solveForward(graph, {
    roots: closers,
    start: -1,
    transfer: (edge, input) =>
      graph.nodes[edge.source]!.traits.closes && leftNormally(edge) ? edge.source : input,
    join: earliest,
  });
  return graph.nodes.flatMap((checked) => {
    const closer = closedBy[checked.index];
    if (closer === undefined || closer < 0 || !sendsAnything(checked)) return [];
    return [
      nodeIssue(
        checked,
        'error',
        flowIssueCodes.receptiveOnly,
        `this node writes to the customer after ${describeNode(graph.nodes[closer]!.node)} closed the attendance; ${channel.label} is receptive only: nothing can be sent after close`,
        {
          channel: channel.label,
          closer: describeNode(graph.nodes[closer]!.node),
          closerNodeId: graph.nodes[closer]!.node.id,
        },
      ),
    ];
  });
}

function sendsAnything(checked: CheckedNode): boolean {
  const { traits } = checked;
  return (
    sendsMessages(checked) ||
    traits.requestsEvaluation === true ||
    traits.publicAnswerPort !== undefined ||
    (traits.channelActions?.length ?? 0) > 0
  );
}
