import { createRegistry, validateFlow, type FlowInput } from '@attendflow/engine';
import { fakeChannel, runFlow, script } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { hostRuntimes, say, start } from '../../fixtures/host-nodes.js';
import { withVibe } from '../../index.js';

const registry = createRegistry(withVibe({ nodes: [start, say], runtimes: hostRuntimes }));
const ana = { customer: { id: 'ana', name: 'Ana', fields: {} } };

const node = (id: string, type: string, settings: Record<string, unknown> = {}) => ({
  id,
  type,
  typeVersion: 1,
  settings,
  position: { x: 0, y: 0 },
});
const edge = (from: string, port: string, to: string) => ({
  id: `${from}-${port}`,
  source: from,
  sourcePort: port,
  target: to,
});

function menuFlow(greeting = 'Olá, {{customer.name}}!'): FlowInput {
  return {
    schemaVersion: 1,
    name: 'vibe menu',
    nodes: [
      node('start', 'test-start'),
      node('greet', 'test-say', { text: greeting, visibility: 'private' }),
      node('menu', 'vibe-send-keyboard', {
        text: 'Como podemos ajudar, {{customer.name}}?',
        buttons: ['Pedido', 'Troca'],
        saveTo: 'choice',
        timeoutMinutes: 30,
      }),
      node('ack', 'test-say', { text: 'Certo: {{choice}}. Um atendente já vem.' }),
      node('retry', 'test-say', { text: 'Use um dos botões, por favor.' }),
      node('bye', 'test-say', { text: 'Sem resposta; até logo.' }),
    ],
    edges: [
      edge('start', 'next', 'greet'),
      edge('greet', 'next', 'menu'),
      edge('menu', 'picked', 'ack'),
      edge('menu', 'other', 'retry'),
      edge('menu', 'timeout', 'bye'),
    ],
    variables: [{ name: 'choice', default: null }],
  };
}

describe('vibe-send-keyboard on the Vibe channel', () => {
  it('sends the keyboard and leaves through picked on a button’s text', () => {
    const run = runFlow(menuFlow(), [script.wait('2m'), script.customer('troca')], {
      registry,
      channel: 'vibe',
      start: ana,
    });
    expect(run.transcript.lines()).toEqual([
      '+0:00:00  bot           public  «Olá, Ana!» [CHANNEL_VISIBILITY_UNSUPPORTED]  (greet)',
      '+0:00:00  bot                   ⚑ keyboard.send  (menu)',
      '+0:02:00  customer              «troca»',
      '+0:02:00  bot           public  «Certo: Troca. Um atendente já vem.»  (ack)',
      '+0:02:00  system                ■ flow ended',
    ]);
    expect(run.effects.find((effect) => effect.kind === 'channel.action')).toMatchObject({
      action: 'keyboard.send',
      payload: { text: 'Como podemos ajudar, Ana?', buttons: ['Pedido', 'Troca'] },
    });
    expect(run.snapshot.context.variables).toEqual({ choice: 'Troca' });
  });

  it('leaves through unsubscribed and writes nothing more, and through timeout on silence', () => {
    const left = runFlow(menuFlow(), [{ type: 'channel.unsubscribed', payload: {} }], {
      registry,
      channel: 'vibe',
      start: ana,
    });
    expect(left.at).toBe('$ended');
    expect(left.transcript.messages.map((entry) => entry.text)).toEqual(['Olá, Ana!']);
    expect(left.pendingTimers).toEqual({});

    const silent = runFlow(menuFlow(), [script.wait('31m')], {
      registry,
      channel: 'vibe',
      start: ana,
    });
    expect(
      silent.transcript.messages.map((entry) => `${entry.at / 60_000}m ${entry.text}`),
    ).toEqual(['0m Olá, Ana!', '30m Sem resposta; até logo.']);
  });

  it('holds the channel’s policies: 7000 characters, public only, no rating', () => {
    const long = 'x'.repeat(7001);
    const run = runFlow(
      menuFlow(long),
      [script.reply('nota interna', 'private'), script.requestEvaluation()],
      { registry, channel: 'vibe', start: ana },
    );
    expect(run.transcript.entries.find((entry) => entry.kind === 'blocked')).toMatchObject({
      nodeId: 'greet',
      code: 'CHANNEL_BODY_TOO_LONG',
    });
    expect(run.rejections.map((rejection) => rejection.code)).toEqual([
      'CHANNEL_VISIBILITY_UNSUPPORTED',
      'CHANNEL_EVALUATION_UNSUPPORTED',
    ]);
  });

  it('fails through the flow’s error path when the rendered keyboard is too long', () => {
    const flow = menuFlow();
    const menu = flow.nodes.find((each) => each.id === 'menu');
    if (menu) menu.settings = { ...menu.settings, text: '{{customer.name}}' };
    const run = runFlow(flow, [], {
      registry,
      channel: 'vibe',
      start: { customer: { name: 'A'.repeat(7001), fields: {} } },
    });
    expect(run.at).toBe('$ended');
    expect(
      run.transcript.entries.filter((entry) => entry.kind === 'alert').map((entry) => entry.code),
    ).toEqual(['FLOW_NODE_FAILED']);
  });

  it('is valid on Vibe and reported on another channel', () => {
    const errors = (channel?: string) =>
      validateFlow(menuFlow(), registry, channel)
        .issues.filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.nodeId ?? ''} ${issue.code}`);
    expect(errors('vibe')).toEqual([]);
    const other = createRegistry(
      withVibe({
        nodes: [start, say],
        channels: [fakeChannel({ type: 'other' })],
        runtimes: hostRuntimes,
      }),
    );
    expect(
      validateFlow(menuFlow(), other, 'other')
        .issues.filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.nodeId ?? ''} ${issue.code}`),
    ).toEqual(['menu FLOW_NODE_CHANNEL_MISMATCH', 'menu CHANNEL_ACTION_UNSUPPORTED']);
  });
});
