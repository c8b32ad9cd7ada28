import { findCycles } from './find-cycles.js';
import { ERROR_PORT, type FlowGraph } from './flow-graph.js';
import { flowIssueCodes, type FlowIssue, type FlowIssueParams } from './flow-issue.js';
import type { FlowEdge } from './flow-schema.js';
import { describeNode, nodeIssue } from './validate-nodes.js';

/**
 * Checks the shape of the graph: one trigger and nothing flowing into it, edges between existing
 * nodes through ports their source has, one edge per port, ports connected, nodes reachable, and
 * no loop that could run forever without waiting for an event.
 *
 * @example
 * const issues = validateStructure(buildFlowGraph(checked.nodes, flow.edges));
 */
export function validateStructure(graph: FlowGraph): FlowIssue[] {
  return [
    ...checkTriggers(graph),
    ...checkEdges(graph),
    ...checkPortsAndReach(graph),
    ...checkCycles(graph),
  ];
}

function checkTriggers(graph: FlowGraph): FlowIssue[] {
  const [first, ...others] = graph.entries.map((index) => graph.nodes[index]!);
  if (!first) {
    return [
      {
        severity: 'error',
        code: flowIssueCodes.noTrigger,
        message: 'the flow has no trigger: every flow starts at exactly one trigger node',
        params: {},
        path: ['nodes'],
      },
    ];
  }
  return others.map((extra) =>
    nodeIssue(
      extra,
      'error',
      flowIssueCodes.multipleTriggers,
      `a flow has exactly one trigger, and ${describeNode(first.node)} is already one`,
      { trigger: describeNode(first.node), triggerNodeId: first.node.id },
    ),
  );
}

function checkEdges(graph: FlowGraph): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const ids = new Set<string>();
  const usedPorts = new Set<string>();
  const entries = new Set(graph.entries);
  graph.flowEdges.forEach((edge, index) => {
    const report = (
      code: string,
      message: string,
      field: keyof FlowEdge,
      params: FlowIssueParams,
    ) =>
      issues.push({
        severity: 'error',
        code,
        message: `edge "${edge.id}": ${message}`,
        params: { edge: edge.id, ...params },
        edgeId: edge.id,
        path: ['edges', index, field],
      });
    if (ids.has(edge.id)) {
      report(
        flowIssueCodes.duplicateId,
        `edge id "${edge.id}" is used by more than one edge`,
        'id',
        { id: edge.id },
      );
    }
    ids.add(edge.id);
    const source = graph.indexById.get(edge.source);
    const target = graph.indexById.get(edge.target);
    if (source === undefined) {
      report(flowIssueCodes.edgeDangling, `source node "${edge.source}" does not exist`, 'source', {
        missing: edge.source,
      });
    }
    if (target === undefined) {
      report(flowIssueCodes.edgeDangling, `target node "${edge.target}" does not exist`, 'target', {
        missing: edge.target,
      });
    } else if (entries.has(target)) {
      report(
        flowIssueCodes.edgeIntoTrigger,
        `leads into the trigger "${edge.target}": a flow starts there and cannot go back`,
        'target',
        { trigger: edge.target, triggerNodeId: edge.target },
      );
    }
    if (source === undefined) return;
    const from = graph.nodes[source]!;
    if (from.ports && edge.sourcePort !== ERROR_PORT && !from.ports.includes(edge.sourcePort)) {
      report(
        flowIssueCodes.edgeUnknownPort,
        `${describeNode(from.node)} has no port "${edge.sourcePort}" (ports: ${[...from.ports, ERROR_PORT].join(', ')})`,
        'sourcePort',
        {
          source: describeNode(from.node),
          sourceNodeId: from.node.id,
          port: edge.sourcePort,
          ports: [...from.ports, ERROR_PORT].join(', '),
        },
      );
    }
    const portKey = `${source}:${edge.sourcePort}`;
    if (usedPorts.has(portKey)) {
      report(
        flowIssueCodes.portMultipleEdges,
        `port "${edge.sourcePort}" of ${describeNode(from.node)} already has an edge; a port leads to one node`,
        'sourcePort',
        { source: describeNode(from.node), sourceNodeId: from.node.id, port: edge.sourcePort },
      );
    }
    usedPorts.add(portKey);
  });
  return issues;
}

function checkPortsAndReach(graph: FlowGraph): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const hasTrigger = graph.entries.length > 0;
  // A dangling edge still connects its port: the edge is the problem, reported on its own.
  const connected = new Set(
    graph.flowEdges.map((edge) => `${edge.source}\u0000${edge.sourcePort}`),
  );
  for (const checked of graph.nodes) {
    if (checked.isDuplicate) continue;
    for (const port of new Set(checked.ports ?? [])) {
      if (connected.has(`${checked.node.id}\u0000${port}`)) continue;
      issues.push(
        nodeIssue(
          checked,
          'warning',
          flowIssueCodes.portUnconnected,
          `port "${port}" is not connected: the flow ends there and agents carry on`,
          { port },
        ),
      );
    }
    if (hasTrigger && !graph.reachable[checked.index]) {
      issues.push(
        nodeIssue(
          checked,
          'warning',
          flowIssueCodes.nodeUnreachable,
          'no path from the trigger leads here: this node never runs',
          {},
        ),
      );
    }
  }
  return issues;
}

/** Nodes named in a loop's message; a long loop is summed up. */
const MAX_NAMED = 8;

function checkCycles(graph: FlowGraph): FlowIssue[] {
  const isNonWaiting = (index: number) => {
    const checked = graph.nodes[index];
    return checked !== undefined && !checked.isDuplicate && checked.definition?.waits === false;
  };
  return findCycles(graph, isNonWaiting).map((component) => {
    const members = component.map((index) => graph.nodes[index]!);
    const first = members[0]!;
    const named = members.slice(0, MAX_NAMED).map((member) => describeNode(member.node));
    const more = members.length - named.length;
    const names = `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    const loop =
      members.length === 1
        ? `${names} leads back to itself without waiting for an event`
        : `${names} form a loop in which no node waits for an event`;
    return {
      severity: 'error',
      code: flowIssueCodes.cycleWithoutWait,
      message: `${loop}: it would run forever. Add a node that waits to the loop`,
      params: {
        nodes: names,
        nodeIds: members
          .slice(0, MAX_NAMED)
          .map((member) => member.node.id)
          .join(', '),
        count: members.length,
        more,
      },
      nodeId: first.node.id,
      path: ['nodes', first.index],
    };
  });
}
