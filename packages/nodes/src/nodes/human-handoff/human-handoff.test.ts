import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike, raLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { setFieldsRuntime } from '../../testing/set-fields.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { waitForCustomerRuntime } from '../wait-for-customer/runtime.js';
import { humanHandoffRuntime } from './runtime.js';

const registry = registryOf([
  triggerRuntime,
  setFieldsRuntime,
  humanHandoffRuntime,
  waitForCustomerRuntime,
]);
const sink = { timeout: { amount: 30, unit: 'days' } };

function handoffFlow(settings: Record<string, unknown> = {}) {
  const hasTimeout = settings.timeout !== undefined && settings.timeout !== null;
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'handoff', type: 'human-handoff', settings: { sector: 'Ouvidoria', ...settings } },
      { id: 'answered', type: 'wait-for-customer', settings: sink },
      { id: 'late', type: 'wait-for-customer', settings: sink },
    ],
    [
      'start.next -> handoff',
      'handoff.answered -> answered',
      ...(hasTimeout ? ['handoff.timeout -> late'] : []),
    ],
  );
}

const start = { text: 'Meu pedido não chegou', subject: 'Atraso na entrega' };

describe('human-handoff', () => {
  it('queues for the sector; on a public/private channel only the public reply is the answer', () => {
    const flow = handoffFlow({ timeout: { amount: 24, unit: 'hours' } });
    const steps = [
      script.wait('1h'),
      script.reply('Estamos verificando com a transportadora', 'private'),
    ];
    const afterPrivate = runFlow(flow, steps, { registry, channel: raLike, start });
    expect(afterPrivate.at).toBe('handoff');

    const result = runFlow(
      flow,
      [...steps, script.wait('1h'), script.reply('Seu pedido foi reenviado.', 'public')],
      {
        registry,
        channel: raLike,
        start,
      },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Meu pedido não chegou»',
      '+0:00:00  system                ■ sector=Ouvidoria queue=Ouvidoria',
      '+1:00:00  agent:agent-1 private «Estamos verificando com a transportadora»',
      '+1:00:00  system                ■ status=in-attendance queue=∅',
      '+2:00:00  agent:agent-1 public  «Seu pedido foi reenviado.»',
    ]);
    expect(result.at).toBe('answered');
    expect(result.conversation).toMatchObject({
      sector: 'Ouvidoria',
      assignee: 'agent-1',
      status: 'in-attendance',
    });
    // The timeout was cancelled: only the sink's timer is left.
    expect(Object.values(result.pendingTimers)).toEqual([7_200_000 + 30 * 86_400_000]);
  });

  it('refuses a second public answer on a Reclame Aqui-like channel', () => {
    const result = runFlow(
      handoffFlow(),
      [script.reply('Resposta pública'), script.wait('1m'), script.reply('Outra resposta pública')],
      { registry, channel: raLike, start },
    );
    expect(result.rejections.map(({ code, at }) => [code, at])).toEqual([
      ['CHANNEL_PUBLIC_ANSWER_LIMIT', 60_000],
    ]);
    expect(result.transcript.lines().at(-1)).toBe(
      '+0:01:00  agent:agent-1         ✗ refused: public reply «Outra resposta pública»: this channel takes at most 1 public answer(s) per conversation [CHANNEL_PUBLIC_ANSWER_LIMIT]',
    );
  });

  it('takes a private reply as the answer when the public answer is not required, and any reply on a public-only channel', () => {
    const notRequired = runFlow(
      handoffFlow({ requirePublicAnswer: false }),
      [script.reply('Nota', 'private')],
      {
        registry,
        channel: raLike,
      },
    );
    expect(notRequired.at).toBe('answered');
    const chat = runFlow(handoffFlow(), [script.reply('Olá!')], { registry, channel: chatLike });
    expect(chat.at).toBe('answered');
  });

  it('leaves at once through answered when the channel’s public answers are already used up', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'first', type: 'human-handoff', settings: { sector: 'Ouvidoria' } },
        { id: 'again', type: 'human-handoff', settings: { sector: 'Ouvidoria' } },
        { id: 'answered', type: 'wait-for-customer', settings: sink },
      ],
      ['start.next -> first', 'first.answered -> again', 'again.answered -> answered'],
    );
    const result = runFlow(flow, [script.reply('Resposta pública')], {
      registry,
      channel: raLike,
      start,
    });
    expect(result.at).toBe('answered');
    expect(
      result.trace
        .filter((entry) => entry.kind === 'exit')
        .map((entry) => `${entry.nodeId}.${entry.port}`),
    ).toEqual(['start.next', 'first.answered', 'again.answered']);
  });

  it('alerts agents and leaves through timeout when nobody answered in time', () => {
    const flow = handoffFlow({
      timeout: { amount: 2, unit: 'hours' },
      timeoutAlert: 'Reclamação «{{subject}}» sem resposta',
    });
    const result = runFlow(flow, [script.nextTimer()], { registry, channel: raLike, start });
    expect(result.transcript.lines().slice(1)).toEqual([
      '+0:00:00  system                ■ sector=Ouvidoria queue=Ouvidoria',
      '+2:00:00  system                ! Reclamação «Atraso na entrega» sem resposta  (handoff)',
    ]);
    expect(result.effects.find((effect) => effect.kind === 'alert')).toMatchObject({
      level: 'warning',
    });
    expect(result.at).toBe('late');
  });

  it('keeps the conversation’s sector when none is set, and waits for ever without a timeout', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'route', type: 'test-set-fields', settings: { sector: 'Financeiro' } },
        { id: 'handoff', type: 'human-handoff', settings: { sector: '' } },
      ],
      ['start.next -> route', 'route.next -> handoff'],
    );
    const result = runFlow(flow, [script.wait('30d')], { registry, channel: raLike });
    expect(result.conversation).toMatchObject({ sector: 'Financeiro', queue: 'Financeiro' });
    expect(result.at).toBe('handoff');
    expect(result.pendingTimers).toEqual({});
  });

  it('reports bad settings naming the field, and has no timeout port without a timeout', () => {
    const bad = handoffFlow({ timeout: { amount: -1, unit: 'hours' } });
    const messages = validateFlow(bad, registry).issues.map((issue) => issue.message);
    expect(messages).toContain(
      'human-handoff "handoff": settings.timeout.amount: must be greater than zero',
    );

    const noTimeout = handoffFlow();
    noTimeout.edges.push({ id: 'extra', source: 'handoff', sourcePort: 'timeout', target: 'late' });
    expect(validateFlow(noTimeout, registry).issues.map((issue) => issue.code)).toContain(
      'FLOW_EDGE_UNKNOWN_PORT',
    );
  });

  it('declares its public answer, so validateFlow warns about a second handoff on a one-answer channel', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'first', type: 'human-handoff' },
        { id: 'second', type: 'human-handoff' },
      ],
      ['start.next -> first', 'first.answered -> second'],
    );
    const issues = validateFlow(flow, registry, raLike).issues.filter(
      (issue) => issue.code === 'CHANNEL_PUBLIC_ANSWER_LIMIT',
    );
    expect(issues.map((issue) => issue.nodeId)).toEqual(['second']);
  });
});
