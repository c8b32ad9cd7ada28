import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChannel } from '../plugin/define-channel.js';
import {
  channelIssues,
  flowOf,
  message,
  type EdgeSpec,
  type NodeSpec,
} from './fixtures/flow-of.js';
import { testRegistry } from './fixtures/test-nodes.js';
import { validateFlow } from './validate-flow.js';

describe('validateFlow with a channel: what each node asks for', () => {
  it('reports a message visibility that the channel forces for automatic messages', () => {
    const result = validateFlow(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', message('We got it', { visibility: 'public' })],
        ],
        [['t', 'next', 'ack']],
      ),
      testRegistry,
      'reclame-aqui',
    );

    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'CHANNEL_AUTOMATIC_VISIBILITY',
        message:
          'auto-message "ack": this message is public, but on Reclame Aqui automatic messages are private: it will be sent privately',
        params: {
          node: 'auto-message "ack"',
          channel: 'Reclame Aqui',
          visibility: 'public',
          automaticVisibility: 'private',
        },
        nodeId: 'ack',
        path: ['nodes', 1, 'settings'],
      },
    ]);
  });

  it('accepts the forced visibility or none at all', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['a', 'auto-message', message('one', { visibility: 'private' })],
      ['b', 'auto-message', message('two')],
    ];

    expect(
      channelIssues(
        nodes,
        [
          ['t', 'next', 'a'],
          ['a', 'next', 'b'],
        ],
        'reclame-aqui',
      ),
    ).toEqual([]);
  });

  it('warns about a visibility the channel does not have', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['a', 'auto-message', message('hi', { visibility: 'private' })],
    ];

    expect(channelIssues(nodes, [['t', 'next', 'a']], 'web-chat')).toEqual([
      ['warning', 'CHANNEL_VISIBILITY_UNSUPPORTED', 'a', ['nodes', 1, 'settings']],
    ]);
  });

  it('reports bodies longer than the channel takes and attachments it does not take', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['long', 'auto-message', message('x'.repeat(21))],
      ['files', 'auto-message', message('ok', { attachments: ['invoice.pdf'] })],
      ['w', 'wait-for-customer'],
    ];
    const edges: EdgeSpec[] = [
      ['t', 'next', 'long'],
      ['long', 'next', 'w'],
      ['w', 'replied', 'files'],
    ];

    expect(channelIssues(nodes, edges, 'wish')).toEqual([
      ['error', 'CHANNEL_BODY_TOO_LONG', 'long', ['nodes', 1, 'settings']],
      ['error', 'CHANNEL_ATTACHMENTS_UNSUPPORTED', 'files', ['nodes', 2, 'settings']],
    ]);
    expect(channelIssues(nodes, edges, 'reclame-aqui')).toEqual([]);
  });

  it('reports an evaluation on a channel without one', () => {
    expect(
      channelIssues(
        [
          ['t', 'trigger'],
          ['e', 'request-evaluation'],
        ],
        [['t', 'next', 'e']],
        'wish',
      ),
    ).toEqual([['error', 'CHANNEL_EVALUATION_UNSUPPORTED', 'e', ['nodes', 1, 'settings']]]);
  });

  it('reports channel actions the channel does not declare; evaluation.request is built in', () => {
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['m', 'channel-action', { action: 'moderation.request' }],
      ['e', 'channel-action', { action: 'evaluation.request' }],
      ['x', 'channel-action', { action: 'refund.request' }],
    ];
    const edges: EdgeSpec[] = [
      ['t', 'next', 'm'],
      ['m', 'next', 'e'],
      ['e', 'next', 'x'],
    ];

    expect(channelIssues(nodes, edges, 'reclame-aqui')).toEqual([
      ['error', 'CHANNEL_ACTION_UNSUPPORTED', 'x', ['nodes', 3, 'settings']],
    ]);
    expect(channelIssues(nodes, edges, 'web-chat')).toEqual([
      ['error', 'CHANNEL_ACTION_UNSUPPORTED', 'm', ['nodes', 1, 'settings']],
      ['error', 'CHANNEL_ACTION_UNSUPPORTED', 'x', ['nodes', 3, 'settings']],
    ]);
  });

  it('checks nodes no path reaches as well, and takes a channel definition that is not registered', () => {
    const sms = defineChannel({
      type: 'sms',
      label: 'SMS',
      icon: 'sms',
      settings: z.object({}),
      policies: { maxBodyLength: 5 },
    });
    const nodes: NodeSpec[] = [
      ['t', 'trigger'],
      ['lost', 'auto-message', message('too long')],
    ];

    expect(channelIssues(nodes, [], sms)).toEqual([
      ['error', 'CHANNEL_BODY_TOO_LONG', 'lost', ['nodes', 1, 'settings']],
    ]);
  });
});
