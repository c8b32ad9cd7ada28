import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike, raLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { waitForCustomerRuntime } from '../wait-for-customer/runtime.js';
import { autoReplyDelayRuntime } from './runtime.js';

const registry = registryOf([
  triggerRuntime,
  autoMessageRuntime,
  autoReplyDelayRuntime,
  waitForCustomerRuntime,
]);
const sink = { timeout: { amount: 1, unit: 'days' } };
const base = {
  delay: { amount: 10, unit: 'minutes' },
  text: 'Já vamos responder',
  visibility: 'public',
};

function delayFlow(settings: Record<string, unknown> = {}) {
  const keepsWaiting = settings.continueAfter === 'keep-waiting';
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'delay', type: 'auto-reply-delay', settings: { ...base, ...settings } },
      { id: 'answered', type: 'wait-for-customer', settings: sink },
      { id: 'late', type: 'wait-for-customer', settings: sink },
    ],
    [
      'start.next -> delay',
      'delay.answered -> answered',
      ...(keepsWaiting ? [] : ['delay.timeout -> late']),
    ],
  );
}

const run = (flow: unknown, steps: Parameters<typeof runFlow>[1], channel = chatLike) =>
  runFlow(flow, steps, { registry, channel, start: { text: 'Oi' } });
const exits = (result: ReturnType<typeof run>) =>
  result.trace
    .filter((entry) => entry.nodeId === 'delay' && entry.kind === 'exit')
    .map((e) => [e.port, e.at]);

describe('auto-reply-delay', () => {
  it('sends the auto-reply after the delay without an answer, then leaves through timeout', () => {
    const result = run(delayFlow(), [script.wait('15m')]);
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:10:00  bot           public  «Já vamos responder»  (delay)',
    ]);
    expect(exits(result)).toEqual([['timeout', 600_000]]);
    expect(result.at).toBe('late');
    expect(Object.values(result.pendingTimers)).toEqual([600_000 + 86_400_000]);
  });

  it('leaves through answered when an agent replies first, and the auto-reply never goes out', () => {
    const result = run(delayFlow(), [
      script.wait('5m'),
      script.reply('Olá, sou a Ana'),
      script.wait('1h'),
    ]);
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:05:00  agent:agent-1 public  «Olá, sou a Ana»',
      '+0:05:00  system                ■ status=in-attendance',
    ]);
    expect(result.at).toBe('answered');
    expect(
      result.effects.filter((effect) => effect.kind === 'timer.cancel').map((e) => e.time),
    ).toEqual([300_000]);
    expect(Object.values(result.pendingTimers)).toEqual([300_000 + 86_400_000]);
  });

  it('counts a private agent reply as the answer too', () => {
    const result = run(
      delayFlow(),
      [script.wait('1m'), script.reply('Vou verificar', 'private')],
      raLike,
    );
    expect(result.at).toBe('answered');
    expect(result.transcript.messages.filter((entry) => entry.who === 'bot')).toEqual([]);
  });

  it('repeats every delay up to the maximum, then leaves through timeout', () => {
    const result = run(delayFlow({ repeat: 'every-delay', maxRepeats: 2 }), [script.wait('2h')]);
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:10:00  bot           public  «Já vamos responder»  (delay)',
      '+0:20:00  bot           public  «Já vamos responder»  (delay)',
      '+0:30:00  bot           public  «Já vamos responder»  (delay)',
    ]);
    expect(exits(result)).toEqual([['timeout', 1_800_000]]);
  });

  it('restarts the wait on a new customer message, and resets the count of auto-replies', () => {
    const result = run(delayFlow({ repeat: 'every-delay', maxRepeats: 1 }), [
      script.wait('8m'),
      script.customer('Ainda aguardo'),
      script.wait('12m'),
      script.customer('Alguém?'),
      script.wait('1h'),
    ]);
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:08:00  customer              «Ainda aguardo»',
      '+0:18:00  bot           public  «Já vamos responder»  (delay)',
      '+0:20:00  customer              «Alguém?»',
      '+0:30:00  bot           public  «Já vamos responder»  (delay)',
      '+0:40:00  bot           public  «Já vamos responder»  (delay)',
    ]);
    expect(exits(result)).toEqual([['timeout', 2_400_000]]);
  });

  it('keeps waiting after the last auto-reply when told to, with no timer left', () => {
    const flow = delayFlow({ continueAfter: 'keep-waiting' });
    const waiting = run(flow, [script.wait('3h')]);
    expect(waiting.at).toBe('delay');
    expect(waiting.pendingTimers).toEqual({});
    expect(waiting.transcript.messages.map((entry) => [entry.who, entry.at])).toEqual([
      ['customer', 0],
      ['bot', 600_000],
    ]);

    const answered = run(flow, [
      script.wait('3h'),
      script.customer('Alô?'),
      script.wait('15m'),
      script.reply('Desculpe a demora'),
    ]);
    expect(answered.transcript.lines().slice(2)).toEqual([
      '+3:00:00  customer              «Alô?»',
      '+3:10:00  bot           public  «Já vamos responder»  (delay)',
      '+3:15:00  agent:agent-1 public  «Desculpe a demora»',
      '+3:15:00  system                ■ status=in-attendance',
    ]);
    expect(answered.at).toBe('answered');
  });

  it('on a Reclame Aqui-like channel sends the auto-reply privately, 25 s after the previous message', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        {
          id: 'ack',
          type: 'auto-message',
          settings: { text: 'Recebemos sua reclamação', visibility: 'private' },
        },
        {
          id: 'delay',
          type: 'auto-reply-delay',
          settings: { ...base, delay: { amount: 10, unit: 'seconds' } },
        },
      ],
      ['start.next -> ack', 'ack.next -> delay'],
    );
    const result = run(flow, [script.wait('1m')], raLike);
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:00:00  bot           private «Recebemos sua reclamação»  (ack)',
      '+0:00:25  bot           private «Já vamos responder» [CHANNEL_AUTOMATIC_VISIBILITY]  (delay)',
      // The node left at the timer; the spacing rule holds the message until +0:00:25.
      '+0:00:10  system                ■ flow ended',
    ]);
    const issues = validateFlow(flow, registry, raLike).issues.filter(
      (issue) => issue.nodeId === 'delay',
    );
    expect(issues.map((issue) => issue.code)).toContain('CHANNEL_AUTOMATIC_VISIBILITY');
  });

  it('reports bad settings naming the field', () => {
    const flow = delayFlow({ delay: { amount: 0, unit: 'minutes' }, text: '  ', maxRepeats: 0 });
    const messages = validateFlow(flow, registry)
      .issues.filter((issue) => issue.code === 'FLOW_NODE_SETTINGS_INVALID')
      .map((issue) => issue.message);
    expect(messages).toEqual([
      'auto-reply-delay "delay": settings.delay.amount: must be greater than zero',
      'auto-reply-delay "delay": settings.text: write the auto-reply',
      'auto-reply-delay "delay": settings.maxRepeats: repeat at least once',
    ]);
  });

  it('has no timeout port when it keeps waiting after the last auto-reply', () => {
    const flow = delayFlow({ continueAfter: 'keep-waiting' });
    flow.edges.push({ id: 'extra', source: 'delay', sourcePort: 'timeout', target: 'late' });
    const codes = validateFlow(flow, registry).issues.map((issue) => issue.code);
    expect(codes).toContain('FLOW_EDGE_UNKNOWN_PORT');
  });
});
