import { validateFlow } from '@attendflow/engine';
import { fakeChannel, runFlow } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { conditionRuntime } from '../condition/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { setVariable } from './definition.js';
import { setVariableRuntime } from './runtime.js';

const registry = registryOf([
  triggerRuntime,
  autoMessageRuntime,
  conditionRuntime,
  setVariableRuntime,
]);
const chat = fakeChannel({ type: 'fake-chat', policies: { visibilities: ['public'] } });

const assignments = [
  { name: 'tier', source: 'value', value: 'vip' },
  { name: 'order', source: 'value', value: { id: 42, items: ['a', 'b'] } },
  {
    name: 'greeting',
    source: 'template',
    template: 'Olá {{customer.name}}, pedido {{order.id}} ({{tier}})',
  },
];

function variableFlow(settings: Record<string, unknown>) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'set', type: 'set-variable', settings },
      {
        id: 'check',
        type: 'condition',
        settings: {
          rules: [{ kind: 'variable', name: 'order.id', operator: 'equals', value: '42' }],
        },
      },
      {
        id: 'greet',
        type: 'auto-message',
        settings: { text: '{{greeting}}', visibility: 'public' },
      },
    ],
    ['start.next -> set', 'set.next -> check', 'check.yes -> greet'],
    {
      variables: [
        { name: 'tier', default: 'standard' },
        { name: 'order', default: null },
        { name: 'greeting', default: '' },
      ],
    },
  );
}

describe('set-variable', () => {
  it('sets values and templates in order, for later nodes to read', () => {
    const run = runFlow(variableFlow({ assignments }), [], {
      registry,
      channel: chat,
      start: { customer: { name: 'Ana', fields: {} } },
    });
    expect(
      run.trace
        .filter((entry) => entry.kind === 'exit')
        .map((entry) => `${entry.nodeId}.${entry.port}`),
    ).toEqual(['start.next', 'set.next', 'check.yes', 'greet.next']);
    expect(run.snapshot.context.variables).toEqual({
      tier: 'vip',
      order: { id: 42, items: ['a', 'b'] },
      greeting: 'Olá Ana, pedido 42 (vip)',
    });
    expect(run.transcript.messages.map((line) => line.text)).toEqual(['Olá Ana, pedido 42 (vip)']);
  });

  it('reports bad settings by field and summarises itself', () => {
    const messages = (settings: Record<string, unknown>) =>
      validateFlow(variableFlow(settings), registry)
        .issues.filter((issue) => issue.code === 'FLOW_NODE_SETTINGS_INVALID')
        .map((issue) => issue.message);
    expect(messages({ assignments: [] })).toEqual([
      'set-variable "set": settings.assignments: set at least one variable',
    ]);
    expect(
      messages({
        assignments: [
          { name: 'tier', source: 'value', value: 1 },
          { name: 'tier', source: 'template', template: 'x' },
        ],
      }),
    ).toEqual(['set-variable "set": settings.assignments[1].name: variable "tier" is set twice']);
    expect(messages({ assignments: [{ name: 'my var', source: 'value', value: 1 }] })).toEqual([
      'set-variable "set": settings.assignments[0].name: use a variable name: a letter or "_" then letters, digits, "_"',
    ]);
    expect(messages({ assignments: [{ name: 'x', source: 'formula' }] })[0]).toMatch(
      /^set-variable "set": settings.assignments\[0\].source: /,
    );
    expect(
      setVariable.summary?.(setVariable.settings.parse({ assignments }), { locale: 'en' }),
    ).toBe(
      'tier = "vip", order = {"id":42,"items":["a","b"]}, greeting = «Olá {{customer.name}}, pedido {{order.id}} ({{tier}})»',
    );
  });
});
