import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { brief, flowOf, type EdgeSpec, type NodeSpec } from './fixtures/flow-of.js';
import { testRegistry } from './fixtures/test-nodes.js';
import type { FlowIssue } from './flow-issue.js';
import { prepareFlow } from './prepare-flow.js';
import { validateFlow } from './validate-flow.js';

const validate = (document: unknown, channel?: string) =>
  validateFlow(document, testRegistry, channel);
const check = (nodes: NodeSpec[], edges: EdgeSpec[]) =>
  validateFlow(flowOf(nodes, edges), testRegistry);

describe('validateFlow: the document', () => {
  it('accepts a valid flow and returns it parsed, settings with their defaults', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { text: 'Hello' }],
          ['c', 'close'],
        ],
        [
          ['t', 'next', 'ack'],
          ['ack', 'next', 'c'],
        ],
      ),
    );

    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.flow?.nodes[1]?.settings).toEqual({ text: 'Hello', attachments: [] });
    expect(result.flow?.variables).toEqual([]);
    expect(result.flow?.notes).toEqual([]);
  });

  it('refuses a document that is not an object', () => {
    expect(validate([])).toEqual({
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'FLOW_SCHEMA_INVALID',
          message: 'a flow document must be a JSON object',
          path: [],
        },
      ],
    });
  });

  it('refuses a document newer than the engine', () => {
    expect(validate({ ...flowOf([['t', 'trigger']], []), schemaVersion: 7 })).toEqual({
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'FLOW_SCHEMA_VERSION_UNSUPPORTED',
          message: 'schemaVersion 7 is newer than this engine (1); upgrade attendflow',
          params: { version: 7, current: 1 },
          path: ['schemaVersion'],
        },
      ],
    });
  });

  it('migrates a version-0 draft before validating it', () => {
    const { schemaVersion: _version, ...draft } = flowOf(
      [
        ['t', 'trigger'],
        ['c', 'close'],
      ],
      [['t', 'next', 'c']],
    );
    const edges = draft.edges.map(({ sourcePort, ...edge }) => ({
      ...edge,
      sourceHandle: sourcePort,
    }));

    const result = validate({ ...draft, edges });

    expect(result.issues).toEqual([]);
    expect(result.flow?.schemaVersion).toBe(1);
    expect(result.flow?.edges).toEqual([
      { id: 't-next', source: 't', sourcePort: 'next', target: 'c' },
    ]);
  });

  it('reports each schema problem with its path, the field named, and the node it sits in', () => {
    const document = flowOf(
      [
        ['t', 'trigger'],
        ['bad id!', 'close'],
      ],
      [['t', 'next', 'bad id!']],
    );
    const { position: _position, ...withoutPosition } = document.nodes[0]!;

    const result = validate({ ...document, nodes: [withoutPosition, document.nodes[1]] });

    expect(result.ok).toBe(false);
    expect(result.flow).toBeUndefined();
    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_SCHEMA_INVALID', 't', ['nodes', 0, 'position']],
      ['error', 'FLOW_SCHEMA_INVALID', 'bad id!', ['nodes', 1, 'id']],
      ['error', 'FLOW_SCHEMA_INVALID', 't-next', ['edges', 0, 'target']],
    ]);
    expect(result.issues[0]?.message).toBe(
      'nodes[0].position: Invalid input: expected object, received undefined',
    );
    expect(result.issues[1]?.message).toBe('nodes[1].id: use 1 to 64 letters, digits, "-" or "_"');
  });
});

describe('validateFlow: order and size', () => {
  it('sorts errors first, then document, node and edge issues in document order', () => {
    const result = check(
      [
        ['h', 'handoff'],
        ['bad', 'auto-message', { text: '' }],
        ['x', 'teleport'],
      ],
      [['h', 'answered', 'nowhere']],
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_NO_TRIGGER', undefined, ['nodes']],
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'bad', ['nodes', 1, 'settings', 'text']],
      ['error', 'FLOW_UNKNOWN_NODE_TYPE', 'x', ['nodes', 2, 'type']],
      ['error', 'FLOW_EDGE_DANGLING', 'h-answered', ['edges', 0, 'target']],
      ['warning', 'FLOW_PORT_UNCONNECTED', 'h', ['nodes', 0]],
    ]);
  });

  it('validates a chain of 1,000 nodes, a loop through all of them included', () => {
    const size = 1000;
    const nodes: NodeSpec[] = [['n0', 'trigger']];
    const edges: EdgeSpec[] = [['n0', 'next', 'n1']];
    for (let i = 1; i < size - 1; i++) {
      nodes.push([
        `n${i}`,
        i % 2 ? 'auto-message' : 'set-variable',
        i % 2 ? { text: `m${i}` } : { name: i === 500 ? '' : 'v' },
      ]);
      edges.push([`n${i}`, 'next', `n${i + 1}`]);
    }
    nodes.push([`n${size - 1}`, 'route', { rules: [{ port: 'again', keyword: 'x' }] }]);
    edges.push([`n${size - 1}`, 'again', 'n1']);

    const result = validateFlow(flowOf(nodes, edges), testRegistry, 'wish');

    expect(result.flow?.nodes).toHaveLength(size);
    expect(brief(result.issues.filter((issue) => !issue.code.startsWith('CHANNEL_')))).toEqual([
      ['error', 'FLOW_CYCLE_WITHOUT_WAIT', 'n1', ['nodes', 1]],
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'n500', ['nodes', 500, 'settings', 'name']],
      ['warning', 'FLOW_PORT_UNCONNECTED', `n${size - 1}`, ['nodes', size - 1]],
    ]);
    expect(result.issues[0]?.message).toMatch(
      /^auto-message "n1", set-variable "n2", .*, set-variable "n8" and 991 more form a loop/,
    );
    // Every auto-message after the first follows another message with no wait in between.
    const notAwaiting = result.issues.filter(
      (issue) => issue.code === 'CHANNEL_NOT_AWAITING_COMPANY',
    );
    expect(notAwaiting).toHaveLength(499);
    expect(notAwaiting[0]).toMatchObject({ nodeId: 'n1', severity: 'warning' });
    expect(notAwaiting.at(-1)).toMatchObject({ nodeId: 'n997' });
  });
});

describe('prepareFlow', () => {
  it('returns the validated flow, warnings allowed', () => {
    const flow = prepareFlow(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { message: 'Hi' }, 1],
        ],
        [['t', 'next', 'ack']],
      ),
      testRegistry,
    );

    expect(flow.nodes[1]).toMatchObject({
      typeVersion: 2,
      settings: { text: 'Hi', attachments: [] },
    });
  });

  it('throws FLOW_INVALID with the issues as details when the flow has errors', () => {
    const document = flowOf([['ack', 'auto-message', { text: '' }]], []);
    let thrown: unknown;
    try {
      prepareFlow(document, testRegistry);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(EngineError);
    expect(thrown).toMatchObject({
      code: 'FLOW_INVALID',
      message:
        'the flow has 2 errors; first: the flow has no trigger: every flow starts at exactly one trigger node',
    });
    expect(brief((thrown as EngineError).details as FlowIssue[])).toEqual([
      ['error', 'FLOW_NO_TRIGGER', undefined, ['nodes']],
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'ack', ['nodes', 0, 'settings', 'text']],
    ]);
  });
});
