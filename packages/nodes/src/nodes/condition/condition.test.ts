import { validateFlow, type Json } from '@attendflow/engine';
import { fakeChannel, runFlow } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { condition } from './definition.js';
import { conditionRuntime } from './runtime.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, conditionRuntime]);
const chat = fakeChannel({ type: 'fake-chat', policies: { visibilities: ['public'] } });

function conditionFlow(
  settings: Record<string, unknown>,
  variables: Array<{ name: string; default: Json }> = [],
) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'check', type: 'condition', settings },
      { id: 'yes-msg', type: 'auto-message', settings: { text: 'sim', visibility: 'public' } },
      { id: 'no-msg', type: 'auto-message', settings: { text: 'não', visibility: 'public' } },
    ],
    ['start.next -> check', 'check.yes -> yes-msg', 'check.no -> no-msg'],
    { variables },
  );
}

const portOf = (run: ReturnType<typeof runFlow>) =>
  run.trace.find((entry) => entry.nodeId === 'check' && entry.kind === 'exit')?.port;
const bot = (run: ReturnType<typeof runFlow>) =>
  run.transcript.messages.filter((line) => line.who === 'bot').map((line) => line.text);

describe('condition', () => {
  const vipOutOfHours = {
    rules: [
      { kind: 'variable', name: 'tier', operator: 'equals', value: 'vip' },
      { kind: 'business-hours', is: 'closed' },
    ],
  };

  it('leaves through yes only when all rules hold', () => {
    const vip = [{ name: 'tier', default: 'VIP' }];
    // Sunday noon in São Paulo: closed; Monday noon: open.
    const sunday = runFlow(conditionFlow(vipOutOfHours, vip), [], {
      registry,
      channel: chat,
      startAt: '2026-01-04T15:00:00Z',
    });
    expect(portOf(sunday)).toBe('yes');
    expect(bot(sunday)).toEqual(['sim']);
    const monday = runFlow(conditionFlow(vipOutOfHours, vip), [], {
      registry,
      channel: chat,
      startAt: '2026-01-05T15:00:00Z',
    });
    expect(portOf(monday)).toBe('no');
    expect(bot(monday)).toEqual(['não']);
  });

  it('needs one rule for any', () => {
    const settings = {
      match: 'any',
      rules: [
        { kind: 'channel', channels: ['telegram'] },
        { kind: 'customer-field', field: 'metadata.state', operator: 'equals', value: 'sp' },
      ],
    };
    expect(
      portOf(
        runFlow(conditionFlow(settings), [], {
          registry,
          channel: chat,
          start: { metadata: { state: 'SP' } },
        }),
      ),
    ).toBe('yes');
    expect(
      portOf(
        runFlow(conditionFlow(settings), [], {
          registry,
          channel: chat,
          start: { metadata: { state: 'RJ' } },
        }),
      ),
    ).toBe('no');
  });

  it('reports bad settings by field and summarises itself', () => {
    const messages = (settings: Record<string, unknown>) =>
      validateFlow(conditionFlow(settings), registry)
        .issues.filter((issue) => issue.code === 'FLOW_NODE_SETTINGS_INVALID')
        .map((issue) => issue.message);
    expect(messages({ rules: [] })).toEqual([
      'condition "check": settings.rules: add at least one rule',
    ]);
    expect(messages({ rules: [{ kind: 'variable', name: '1st', operator: 'exists' }] })).toEqual([
      'condition "check": settings.rules[0].name: use a variable name, optionally with a path: order.status',
    ]);
    const settings = condition.settings.parse(vipOutOfHours);
    expect(condition.summary?.(settings, { locale: 'en' })).toBe(
      'if {{tier}} = "vip" and outside business hours',
    );
    expect(condition.summary?.(settings, { locale: 'pt-BR' })).toBe(
      'se {{tier}} = "vip" e fora do horário de atendimento',
    );
  });
});
