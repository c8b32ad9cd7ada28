import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { waitForCustomerRuntime } from './runtime.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, waitForCustomerRuntime]);

function waitFlow(settings: Record<string, unknown> = {}) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      {
        id: 'ask',
        type: 'auto-message',
        settings: { text: 'Qual o número do pedido?', visibility: 'public' },
      },
      {
        id: 'wait',
        type: 'wait-for-customer',
        settings: { timeout: { amount: 30, unit: 'minutes' }, ...settings },
      },
      {
        id: 'echo',
        type: 'auto-message',
        settings: { text: 'Pedido {{pedido}} anotado.', visibility: 'public' },
      },
      {
        id: 'bye',
        type: 'auto-message',
        settings: { text: 'Sem resposta: voltamos a falar depois.', visibility: 'public' },
      },
    ],
    ['start.next -> ask', 'ask.next -> wait', 'wait.replied -> echo', 'wait.timeout -> bye'],
    { variables: [{ name: 'pedido', default: '?' }] },
  );
}

describe('wait-for-customer', () => {
  it('leaves through replied on the customer’s next message, saving its text', () => {
    const result = runFlow(
      waitFlow({ saveTo: 'pedido' }),
      [script.wait('5m'), script.customer('12345')],
      {
        registry,
        channel: chatLike,
      },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  bot           public  «Qual o número do pedido?»  (ask)',
      '+0:05:00  customer              «12345»',
      '+0:05:00  bot           public  «Pedido 12345 anotado.»  (echo)',
      '+0:05:00  system                ■ flow ended',
    ]);
    expect(
      result.effects
        .filter((effect) => effect.kind === 'timer.cancel')
        .map((effect) => effect.time),
    ).toEqual([300_000]);
    expect(result.pendingTimers).toEqual({});
  });

  it('does not leave on an agent’s reply, and leaves through timeout when the customer stays silent', () => {
    const result = runFlow(
      waitFlow(),
      [script.wait('10m'), script.reply('Pode me passar o pedido?'), script.wait('1h')],
      {
        registry,
        channel: chatLike,
      },
    );
    expect(
      result.transcript.messages.map(
        (entry) => `${entry.at / 60_000}m ${entry.who}: ${entry.text}`,
      ),
    ).toEqual([
      '0m bot: Qual o número do pedido?',
      '10m agent:agent-1: Pode me passar o pedido?',
      '30m bot: Sem resposta: voltamos a falar depois.',
    ]);
    expect(result.snapshot.context.variables).toEqual({ pedido: '?' });
  });

  it('keeps the timer armed while it waits', () => {
    const result = runFlow(waitFlow(), [script.wait('29m')], { registry, channel: chatLike });
    expect(result.at).toBe('wait');
    expect(Object.values(result.pendingTimers)).toEqual([1_800_000]);
  });

  it('reports bad settings naming the field', () => {
    const messages = validateFlow(
      waitFlow({ saveTo: 'meu pedido', timeout: { amount: 0, unit: 'hours' } }),
      registry,
    )
      .issues.filter((issue) => issue.severity === 'error')
      .map((issue) => issue.message);
    expect(messages).toEqual([
      'wait-for-customer "wait": settings.timeout.amount: must be greater than zero',
      'wait-for-customer "wait": settings.saveTo: use a variable name: a letter or "_" then letters, digits, "_"',
    ]);
  });
});
