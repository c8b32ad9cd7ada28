import { describe, expect, it } from 'vitest';
import { brief, flowOf, type EdgeSpec, type NodeSpec } from './fixtures/flow-of.js';
import { testRegistry } from './fixtures/test-nodes.js';
import { validateFlow } from './validate-flow.js';

const check = (nodes: NodeSpec[], edges: EdgeSpec[]) =>
  validateFlow(flowOf(nodes, edges), testRegistry);

describe('validateFlow: triggers', () => {
  it('needs a trigger, and then reports nothing as unreachable', () => {
    const result = check(
      [
        ['ack', 'auto-message', { text: 'Hi' }],
        ['c', 'close'],
      ],
      [['ack', 'next', 'c']],
    );

    expect(result.ok).toBe(false);
    expect(brief(result.issues)).toEqual([['error', 'FLOW_NO_TRIGGER', undefined, ['nodes']]]);
  });

  it('reports every trigger after the first, and edges that lead into a trigger', () => {
    const result = check(
      [
        ['t1', 'trigger'],
        ['c', 'close'],
        ['t2', 'trigger'],
        ['w', 'wait-for-customer'],
      ],
      [
        ['t1', 'next', 'w'],
        ['w', 'replied', 't1'],
        ['w', 'timeout', 'c'],
        ['t2', 'next', 'c'],
      ],
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_MULTIPLE_TRIGGERS', 't2', ['nodes', 2]],
      ['error', 'FLOW_EDGE_INTO_TRIGGER', 'w-replied', ['edges', 1, 'target']],
    ]);
    expect(result.issues[0]?.message).toBe(
      'trigger "t2": a flow has exactly one trigger, and trigger "t1" is already one',
    );
    expect(result.issues.map((issue) => issue.params)).toEqual([
      { node: 'trigger "t2"', trigger: 'trigger "t1"', triggerNodeId: 't1' },
      { edge: 'w-replied', trigger: 't1', triggerNodeId: 't1' },
    ]);
  });
});

describe('validateFlow: edges and ports', () => {
  it('reports duplicate node and edge ids', () => {
    const document = flowOf(
      [
        ['t', 'trigger'],
        ['c', 'close'],
        ['c', 'close'],
      ],
      [['t', 'next', 'c']],
    );
    const edges = [...document.edges, { ...document.edges[0]!, sourcePort: 'error' }];

    const result = validateFlow({ ...document, edges }, testRegistry);

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_DUPLICATE_ID', 'c', ['nodes', 2, 'id']],
      ['error', 'FLOW_DUPLICATE_ID', 't-next', ['edges', 1, 'id']],
    ]);
  });

  it('reports dangling edges at their missing end', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'ghost'],
        ['phantom', 'next', 'c'],
      ],
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_EDGE_DANGLING', 't-next', ['edges', 0, 'target']],
      ['error', 'FLOW_EDGE_DANGLING', 'phantom-next', ['edges', 1, 'source']],
      ['warning', 'FLOW_NODE_UNREACHABLE', 'c', ['nodes', 1]],
    ]);
    expect(result.issues[0]?.message).toBe('edge "t-next": target node "ghost" does not exist');
  });

  it('accepts declared ports (computed from settings too) and the implicit error port', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['r', 'route', { rules: [{ port: 'refund', keyword: 'refund' }] }],
        ['ack', 'auto-message', { text: 'Hi' }],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'r'],
        ['r', 'refund', 'ack'],
        ['r', 'otherwise', 'c'],
        ['r', 'error', 'c'],
        ['ack', 'next', 'c'],
      ],
    );

    expect(result.issues).toEqual([]);
  });

  it('reports an edge from a port its node does not have', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['r', 'route', { rules: [] }],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'r'],
        ['r', 'refund', 'c'],
        ['r', 'otherwise', 'c'],
      ],
    );

    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'FLOW_EDGE_UNKNOWN_PORT',
        message: 'edge "r-refund": route "r" has no port "refund" (ports: otherwise, error)',
        params: {
          edge: 'r-refund',
          source: 'route "r"',
          sourceNodeId: 'r',
          port: 'refund',
          ports: 'otherwise, error',
        },
        edgeId: 'r-refund',
        path: ['edges', 1, 'sourcePort'],
      },
    ]);
  });

  it('reports a second edge from the same port', () => {
    const document = flowOf(
      [
        ['t', 'trigger'],
        ['a', 'close'],
        ['b', 'close'],
      ],
      [['t', 'next', 'a']],
    );
    const edges = [
      ...document.edges,
      { id: 'again', source: 't', sourcePort: 'next', target: 'b' },
    ];

    const result = validateFlow({ ...document, edges }, testRegistry);

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_PORT_MULTIPLE_EDGES', 'again', ['edges', 1, 'sourcePort']],
    ]);
  });

  it('warns about unconnected ports and unreachable nodes, and stays ok', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['h', 'handoff'],
        ['c', 'close'],
        ['lost', 'auto-message', { text: 'Hi' }],
      ],
      [
        ['t', 'next', 'h'],
        ['h', 'answered', 'c'],
        ['lost', 'next', 'c'],
      ],
    );

    expect(result.ok).toBe(true);
    expect(brief(result.issues)).toEqual([
      ['warning', 'FLOW_PORT_UNCONNECTED', 'h', ['nodes', 1]],
      ['warning', 'FLOW_NODE_UNREACHABLE', 'lost', ['nodes', 3]],
    ]);
    expect(result.issues[0]?.message).toBe(
      'handoff "h": port "timeout" is not connected: the flow ends there and agents carry on',
    );
    expect(result.issues.map((issue) => issue.params)).toEqual([
      { node: 'handoff "h"', port: 'timeout' },
      { node: 'auto-message "lost"' },
    ]);
  });
});

describe('validateFlow: loops', () => {
  it('reports a loop of nodes that never wait, once, naming its nodes', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['a', 'set-variable', { name: 'x' }],
        ['r', 'route', { rules: [{ port: 'again', keyword: 'x' }] }],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'a'],
        ['a', 'next', 'r'],
        ['r', 'again', 'a'],
        ['r', 'otherwise', 'c'],
      ],
    );

    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'FLOW_CYCLE_WITHOUT_WAIT',
        message:
          'set-variable "a", route "r" form a loop in which no node waits for an event: it would run forever. Add a node that waits to the loop',
        params: { nodes: 'set-variable "a", route "r"', nodeIds: 'a, r', count: 2, more: 0 },
        nodeId: 'a',
        path: ['nodes', 1],
      },
    ]);
  });

  it('reports a node that leads back to itself, including through its error port', () => {
    const result = check(
      [
        ['t', 'trigger'],
        ['ack', 'auto-message', { text: 'Hi' }],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'ack'],
        ['ack', 'next', 'c'],
        ['ack', 'error', 'ack'],
      ],
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_CYCLE_WITHOUT_WAIT', 'ack', ['nodes', 1]],
    ]);
    expect(result.issues[0]?.message).toMatch(
      /^auto-message "ack" leads back to itself without waiting for an event: it would run forever/,
    );
  });

  it('accepts a loop through a node that waits, and reports each separate loop', () => {
    const waiting = check(
      [
        ['t', 'trigger'],
        ['ack', 'auto-message', { text: 'Hi' }],
        ['w', 'wait-for-customer'],
      ],
      [
        ['t', 'next', 'ack'],
        ['ack', 'next', 'w'],
        ['w', 'replied', 'ack'],
        ['w', 'timeout', 'ack'],
      ],
    );
    const twoLoops = check(
      [
        ['t', 'trigger'],
        ['a', 'set-variable', { name: 'a' }],
        ['w', 'wait-for-customer'],
        ['b', 'set-variable', { name: 'b' }],
      ],
      [
        ['t', 'next', 'a'],
        ['a', 'next', 'a'],
        ['a', 'error', 'w'],
        ['w', 'replied', 'b'],
        ['w', 'timeout', 'b'],
        ['b', 'next', 'b'],
      ],
    );

    expect(waiting.issues).toEqual([]);
    expect(brief(twoLoops.issues)).toEqual([
      ['error', 'FLOW_CYCLE_WITHOUT_WAIT', 'a', ['nodes', 1]],
      ['error', 'FLOW_CYCLE_WITHOUT_WAIT', 'b', ['nodes', 3]],
    ]);
  });
});
