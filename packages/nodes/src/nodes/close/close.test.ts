import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike, raLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { setFieldsRuntime } from '../../testing/set-fields.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { close } from './definition.js';
import { closeRuntime } from './runtime.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, setFieldsRuntime, closeRuntime]);

function closeFlow(settings: Record<string, unknown>, solution?: string) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'ack', type: 'auto-message', settings: { text: 'Recebemos sua mensagem' } },
      {
        id: 'route',
        type: 'test-set-fields',
        settings: solution === undefined ? {} : { solution },
      },
      { id: 'close', type: 'close', settings },
    ],
    ['start.next -> ack', 'ack.next -> route', 'route.next -> close'],
    { variables: [{ name: 'protocolo', default: 'RA-2026-0042' }] },
  );
}

describe('close', () => {
  it('sends the closing message, then closes with the solution; a receptive-only channel takes nothing after', () => {
    const flow = closeFlow({
      message: 'Atendimento encerrado. Protocolo {{protocolo}}.',
      solution: 'resolvido',
    });
    const result = runFlow(flow, [script.wait('1m'), script.reply('Mais uma coisa…', 'private')], {
      registry,
      channel: raLike,
    });
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  bot           private «Recebemos sua mensagem»  (ack)',
      '+0:00:25  bot           private «Atendimento encerrado. Protocolo RA-2026-0042.»  (close)',
      '+0:00:25  system                ■ status=closed solution=resolvido',
      '+0:01:00  agent:agent-1         ✗ refused: private reply «Mais uma coisa…»: the attendance is closed and this channel is receptive only: nothing can be sent [CHANNEL_RECEPTIVE_ONLY]',
    ]);
    expect(result.at).toBe('$closed');
    expect(result.conversation).toMatchObject({ status: 'closed', solution: 'resolvido' });
    expect(result.pendingTimers).toEqual({});
  });

  it('closes silently without a message and keeps the solution already set when it has none', () => {
    const result = runFlow(closeFlow({}, 'reembolso'), [], { registry, channel: chatLike });
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  bot           public  «Recebemos sua mensagem»  (ack)',
      '+0:00:00  system                ■ solution=reembolso',
      '+0:00:00  system                ■ status=closed',
    ]);
    expect(result.conversation).toMatchObject({ status: 'closed', solution: 'reembolso' });
  });

  it('declares that it closes and the message it sends', () => {
    const settings = close.settings.parse({ message: 'Tchau', solution: 'ok' });
    expect(close.traits?.(settings)).toEqual({
      closes: true,
      messages: [{ text: 'Tchau' }],
    });
    expect(close.traits?.(close.settings.parse({}))).toEqual({ closes: true });
    expect(close.summary?.(settings, { locale: 'en' })).toBe('Close as ok');
    expect(close.summary?.(settings, { locale: 'pt-BR' })).toBe('Encerrar com ok');
  });

  it('reports bad settings naming the field', () => {
    const flow = closeFlow({ solution: 'x'.repeat(201), visibility: 'secret' });
    const messages = validateFlow(flow, registry).issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^close "close": settings\.visibility: /),
        expect.stringMatching(/^close "close": settings\.solution: .*200/),
      ]),
    );
  });
});
