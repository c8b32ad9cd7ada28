import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../plugin/define-node.js';
import { createRegistry } from '../plugin/registry.js';
import { brief, flowOf } from './fixtures/flow-of.js';
import { testRegistry, trigger } from './fixtures/test-nodes.js';
import { validateFlow } from './validate-flow.js';

const validate = (document: unknown, channel?: string) =>
  validateFlow(document, testRegistry, channel);

describe('validateFlow: node settings and types', () => {
  it('reports invalid settings per field, with the node, the full path and the field named', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { text: '' }],
          ['c', 'close'],
        ],
        [
          ['t', 'next', 'ack'],
          ['ack', 'next', 'c'],
        ],
      ),
    );

    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'FLOW_NODE_SETTINGS_INVALID',
        message:
          'auto-message "ack": settings.text: Too small: expected string to have >=1 characters',
        params: {
          node: 'auto-message "ack"',
          field: 'settings.text',
          detail: 'Too small: expected string to have >=1 characters',
        },
        nodeId: 'ack',
        path: ['nodes', 1, 'settings', 'text'],
      },
    ]);
    expect(result.flow?.nodes[1]?.settings).toEqual({ text: '' });
  });

  it('reports nested settings fields with array indexes', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          [
            'r',
            'route',
            {
              rules: [
                { port: 'yes', keyword: 'x' },
                { port: 'NO', keyword: '' },
              ],
            },
          ],
        ],
        [['t', 'next', 'r']],
      ),
    );

    expect(brief(result.issues.filter((issue) => issue.severity === 'error'))).toEqual([
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'r', ['nodes', 1, 'settings', 'rules', 1, 'port']],
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'r', ['nodes', 1, 'settings', 'rules', 1, 'keyword']],
    ]);
    expect(result.issues[0]?.message).toMatch(/^route "r": settings\.rules\[1\]\.port: /);
  });

  it('migrates settings of an older typeVersion to the current version', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { message: 'Hi' }, 1],
          ['c', 'close'],
        ],
        [
          ['t', 'next', 'ack'],
          ['ack', 'next', 'c'],
        ],
      ),
    );

    expect(result.issues).toEqual([]);
    expect(result.flow?.nodes[1]).toMatchObject({
      typeVersion: 2,
      settings: { text: 'Hi', attachments: [] },
    });
  });

  it('reports settings that are still invalid after migration against the current schema', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { text: 'v2 field in a v1 node' }, 1],
        ],
        [['t', 'next', 'ack']],
      ),
    );

    expect(brief(result.issues.filter((issue) => issue.severity === 'error'))).toEqual([
      ['error', 'FLOW_NODE_SETTINGS_INVALID', 'ack', ['nodes', 1, 'settings', 'text']],
    ]);
  });

  it('reports a migration that throws', () => {
    const fragile = defineNode({
      type: 'fragile',
      version: 3,
      label: 'Fragile',
      category: 'logic',
      icon: 'x',
      settings: z.object({}),
      ports: ['next'],
      waits: false,
      migrate: () => {
        throw new Error('version 1 had no settings worth keeping');
      },
    });
    const registry = createRegistry({ nodes: [trigger, fragile] });

    const result = validateFlow(
      flowOf(
        [
          ['t', 'trigger'],
          ['f', 'fragile', {}, 1],
        ],
        [['t', 'next', 'f']],
      ),
      registry,
    );

    expect(result.issues[0]).toEqual({
      severity: 'error',
      code: 'FLOW_NODE_MIGRATION_FAILED',
      message:
        'fragile "f": settings of typeVersion 1 could not be migrated to version 3: version 1 had no settings worth keeping',
      params: {
        node: 'fragile "f"',
        typeVersion: 1,
        version: 3,
        reason: 'version 1 had no settings worth keeping',
      },
      nodeId: 'f',
      path: ['nodes', 1, 'settings'],
    });
  });

  it('refuses a typeVersion newer than the node type', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['ack', 'auto-message', { text: 'Hi' }, 3],
        ],
        [['t', 'next', 'ack']],
      ),
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_NODE_VERSION_UNSUPPORTED', 'ack', ['nodes', 1, 'typeVersion']],
    ]);
  });

  it('reports unknown node types without cascading port errors from their edges', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['x', 'teleport'],
          ['c', 'close'],
        ],
        [
          ['t', 'next', 'x'],
          ['x', 'somewhere', 'c'],
        ],
      ),
    );

    expect(brief(result.issues)).toEqual([
      ['error', 'FLOW_UNKNOWN_NODE_TYPE', 'x', ['nodes', 1, 'type']],
    ]);
    expect(result.issues[0]?.message).toBe('teleport "x": unknown node type "teleport"');
  });

  it('reports a channel node used on another channel, only when a channel is given', () => {
    const document = flowOf(
      [
        ['t', 'trigger'],
        ['m', 'ra-moderation'],
        ['c', 'close'],
      ],
      [
        ['t', 'next', 'm'],
        ['m', 'requested', 'c'],
      ],
    );

    expect(validate(document).issues).toEqual([]);
    expect(validate(document, 'reclame-aqui').issues).toEqual([]);
    expect(brief(validate(document, 'web-chat').issues)).toEqual([
      ['error', 'FLOW_NODE_CHANNEL_MISMATCH', 'm', ['nodes', 1, 'type']],
      ['error', 'CHANNEL_ACTION_UNSUPPORTED', 'm', ['nodes', 1, 'settings']],
    ]);
  });

  it('reports an unknown channel type and still checks the channel nodes against it', () => {
    const result = validate(
      flowOf(
        [
          ['t', 'trigger'],
          ['m', 'ra-moderation'],
        ],
        [['t', 'next', 'm']],
      ),
      'carrier-pigeon',
    );

    expect(brief(result.issues.filter((issue) => issue.severity === 'error'))).toEqual([
      ['error', 'FLOW_UNKNOWN_CHANNEL', undefined, undefined],
      ['error', 'FLOW_NODE_CHANNEL_MISMATCH', 'm', ['nodes', 1, 'type']],
    ]);
  });
});
