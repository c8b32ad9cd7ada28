import { describe, expect, it } from 'vitest';
import {
  channelIssues,
  flowOf,
  message,
  type EdgeSpec,
  type NodeSpec,
} from './fixtures/flow-of.js';
import { testRegistry } from './fixtures/test-nodes.js';
import { validateFlow } from './validate-flow.js';

describe('validateFlow with a channel: evaluation after the answer', () => {
  const raNodes: NodeSpec[] = [
    ['t', 'trigger'],
    ['r', 'route', { rules: [{ port: 'urgent', keyword: 'urgent' }] }],
    ['h', 'handoff'],
    ['e', 'request-evaluation'],
    ['w', 'wait-for-customer'],
  ];

  it('accepts an evaluation that every path reaches through the public answer, loops included', () => {
    const edges: EdgeSpec[] = [
      ['t', 'next', 'h'],
      ['h', 'answered', 'e'],
      ['e', 'timeout', 'w'],
      ['w', 'replied', 'e'],
    ];

    expect(channelIssues(raNodes, edges, 'reclame-aqui')).toEqual([]);
  });

  it('reports an evaluation that one path reaches without the public answer', () => {
    const edges: EdgeSpec[] = [
      ['t', 'next', 'r'],
      ['r', 'urgent', 'h'],
      ['h', 'answered', 'e'],
      ['r', 'otherwise', 'e'],
    ];

    const result = validateFlow(flowOf(raNodes, edges), testRegistry, 'reclame-aqui');

    expect(result.issues.filter((issue) => issue.code.startsWith('CHANNEL_'))).toEqual([
      {
        severity: 'error',
        code: 'CHANNEL_EVALUATION_BEFORE_ANSWER',
        message:
          'request-evaluation "e": on some path from the trigger this node requests the evaluation before the company\'s public answer; Reclame Aqui takes the request only after it',
        params: {
          node: 'request-evaluation "e"',
          channel: 'Reclame Aqui',
          requires: 'public-answer',
        },
        nodeId: 'e',
        path: ['nodes', 3],
      },
    ]);
  });

  it('does not count leaving the handoff by timeout as an answer', () => {
    const edges: EdgeSpec[] = [
      ['t', 'next', 'h'],
      ['h', 'timeout', 'e'],
    ];

    expect(channelIssues(raNodes, edges, 'reclame-aqui')).toEqual([
      ['error', 'CHANNEL_EVALUATION_BEFORE_ANSWER', 'e', ['nodes', 3]],
    ]);
  });

  it('counts any company message when the channel requires one, but not a failed send', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['a', 'auto-message', message('thanks')],
      ['e', 'request-evaluation'],
      ['e2', 'request-evaluation'],
    ];

    expect(
      channelIssues(
        nodes,
        [
          ['t', 'next', 'a'],
          ['a', 'next', 'e'],
        ],
        'web-chat',
      ),
    ).toEqual([]);
    expect(
      channelIssues(
        nodes,
        [
          ['t', 'next', 'e'],
          ['e', 'evaluated', 'a'],
        ],
        'web-chat',
      ),
    ).toEqual([['error', 'CHANNEL_EVALUATION_BEFORE_ANSWER', 'e', ['nodes', 2]]]);
    expect(
      channelIssues(
        nodes,
        [
          ['t', 'next', 'a'],
          ['a', 'next', 'e'],
          ['a', 'error', 'e2'],
        ],
        'web-chat',
      ),
    ).toEqual([['error', 'CHANNEL_EVALUATION_BEFORE_ANSWER', 'e2', ['nodes', 3]]]);
  });
});

describe('validateFlow with a channel: rules along the paths', () => {
  it('warns when a path passes a second public answer', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['h1', 'handoff'],
      ['h2', 'handoff'],
      ['c', 'close'],
    ];
    const once: EdgeSpec[] = [
      ['t', 'next', 'h1'],
      ['h1', 'timeout', 'h2'],
      ['h1', 'answered', 'c'],
    ];
    const twice: EdgeSpec[] = [
      ['t', 'next', 'h1'],
      ['h1', 'answered', 'h2'],
      ['h1', 'timeout', 'h2'],
    ];

    expect(channelIssues(nodes, once, 'reclame-aqui')).toEqual([]);
    expect(channelIssues(nodes, twice, 'reclame-aqui')).toEqual([
      ['warning', 'CHANNEL_PUBLIC_ANSWER_LIMIT', 'h2', ['nodes', 2]],
    ]);
  });

  it('warns when a loop comes back to the same public answer', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['h', 'handoff'],
      ['w', 'wait-for-customer'],
    ];
    const edges: EdgeSpec[] = [
      ['t', 'next', 'h'],
      ['h', 'answered', 'w'],
      ['w', 'replied', 'h'],
    ];

    expect(channelIssues(nodes, edges, 'reclame-aqui')).toEqual([
      ['warning', 'CHANNEL_PUBLIC_ANSWER_LIMIT', 'h', ['nodes', 1]],
    ]);
  });

  it('warns about a reply while the customer has the turn, unless a node waits in between', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['a', 'auto-message', message('one')],
      ['s', 'set-variable', { name: 'x' }],
      ['b', 'auto-message', message('two')],
      ['w', 'wait-for-customer'],
    ];
    const direct: EdgeSpec[] = [
      ['t', 'next', 'a'],
      ['a', 'next', 's'],
      ['s', 'next', 'b'],
    ];
    const waited: EdgeSpec[] = [
      ['t', 'next', 'a'],
      ['a', 'next', 'w'],
      ['w', 'replied', 's'],
      ['s', 'next', 'b'],
    ];

    const result = validateFlow(flowOf(nodes, direct), testRegistry, 'wish');

    expect(channelIssues(nodes, direct, 'wish')).toEqual([
      ['warning', 'CHANNEL_NOT_AWAITING_COMPANY', 'b', ['nodes', 3]],
    ]);
    expect(
      result.issues.find((issue) => issue.code === 'CHANNEL_NOT_AWAITING_COMPANY')?.message,
    ).toBe(
      'auto-message "b": this message follows the one of auto-message "a" with no waiting node in between; Wish takes a reply only while the conversation awaits the company: it will be refused',
    );
    expect(channelIssues(nodes, waited, 'wish')).toEqual([]);
    expect(channelIssues(nodes, direct, 'web-chat')).toEqual([]);
  });

  it('warns about a node that sends two messages at once on such a channel', () => {
    expect(
      channelIssues(
        [
          ['t', 'trigger'],
          ['two', 'two-messages', { first: 'Hi', second: 'Bye' }],
        ],
        [['t', 'next', 'two']],
        'wish',
      ),
    ).toEqual([['warning', 'CHANNEL_NOT_AWAITING_COMPANY', 'two', ['nodes', 1]]]);
  });

  it('counts one message for a node that sends one of its messages (a text per language)', () => {
    expect(
      channelIssues(
        [
          ['t', 'trigger'],
          ['one', 'either-message', { first: 'Olá', second: 'Hello' }],
        ],
        [['t', 'next', 'one']],
        'wish',
      ),
    ).toEqual([]);
  });

  it('reports anything that writes after close on a receptive-only channel', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['done', 'resolve', { text: 'Solved' }],
      ['s', 'set-variable', { name: 'x' }],
      ['h', 'handoff'],
      ['late', 'auto-message', message('one more thing')],
    ];
    const afterClose: EdgeSpec[] = [
      ['t', 'next', 'done'],
      ['done', 'next', 's'],
      ['s', 'next', 'h'],
      ['h', 'answered', 'late'],
    ];
    const onFailure: EdgeSpec[] = [
      ['t', 'next', 'done'],
      ['done', 'error', 'late'],
    ];

    const result = validateFlow(flowOf(nodes, afterClose), testRegistry, 'reclame-aqui');

    expect(channelIssues(nodes, afterClose, 'reclame-aqui')).toEqual([
      ['error', 'CHANNEL_RECEPTIVE_ONLY', 'h', ['nodes', 3]],
      ['error', 'CHANNEL_RECEPTIVE_ONLY', 'late', ['nodes', 4]],
    ]);
    expect(result.issues.find((issue) => issue.nodeId === 'late')?.message).toBe(
      'auto-message "late": this node writes to the customer after resolve "done" closed the attendance; Reclame Aqui is receptive only: nothing can be sent after close',
    );
    expect(channelIssues(nodes, onFailure, 'reclame-aqui')).toEqual([]);
    expect(channelIssues(nodes, afterClose, 'web-chat')).toEqual([]);
  });
});
