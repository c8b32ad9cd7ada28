import { createRegistry, type FlowInput } from '@attendflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vibeAdapter } from './adapter.js';
import { hostRuntimes, say, start } from './fixtures/host-nodes.js';
import { createMiniHost } from './fixtures/mini-host.js';
import { simControl } from './fixtures/sim-control.js';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhook-receiver.js';
import { withVibe } from './index.js';
import { setVibeWebhook } from './set-webhook.js';
import { vibeSettings } from './settings.js';
import { startVibeSimulator, type VibeSimulator } from './simulator/simulator.js';

const TOKEN = 'sim-token-0123456789abcdef';
const registry = createRegistry(withVibe({ nodes: [start, say], runtimes: hostRuntimes }));
const at = (id: string, type: string, settings: Record<string, unknown> = {}) => ({
  id,
  type,
  typeVersion: 1,
  settings,
  position: { x: 0, y: 0 },
});
const flow: FlowInput = {
  schemaVersion: 1,
  name: 'vibe end to end',
  nodes: [
    at('start', 'test-start'),
    at('menu', 'vibe-send-keyboard', {
      text: 'Oi {{customer.name}}! Assunto?',
      buttons: ['Pedido', 'Troca'],
    }),
    at('ack', 'test-say', { text: 'Anotado. Um atendente já vem.' }),
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourcePort: 'picked', target: 'ack' },
  ],
  variables: [],
};

let sim: VibeSimulator;
let hook: WebhookReceiver;

beforeAll(async () => {
  sim = await startVibeSimulator({ authToken: TOKEN });
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});

describe('Vibe end to end: simulator → adapter → engine → adapter → simulator', () => {
  it('runs a conversation from the customer’s first message to the bot’s answers', async () => {
    const settings = vibeSettings.parse({ authToken: TOKEN, botName: 'Loja', apiUrl: sim.url });
    const host = createMiniHost({ flow, registry, adapter: vibeAdapter, settings });
    hook.onRequest = (request) => host.receive(request);
    await setVibeWebhook(settings, hook.url, AbortSignal.timeout(5000));
    await simControl(sim.url, 'POST', '/users', { id: 'ana', name: 'Ana' });

    const first = await simControl<{ message_token: string }>(
      sim.url,
      'POST',
      '/users/ana/messages',
      {
        text: 'oi',
      },
    );
    await simControl(sim.url, 'POST', `/callbacks/${first.message_token}/redeliver`);
    await simControl(sim.url, 'POST', '/users/ana/messages', { text: 'Pedido' });

    expect(host.deliveries.map((each) => each.result)).toEqual([
      { ok: true, externalId: sim.state.sent[0]?.token },
      { ok: true, externalId: sim.state.sent[1]?.token },
    ]);
    expect(sim.state.sent.map(({ text, buttons }) => ({ text, buttons }))).toEqual([
      { text: 'Oi Ana! Assunto?', buttons: ['Pedido', 'Troca'] },
      { text: 'Anotado. Um atendente já vem.', buttons: [] },
    ]);
    expect(host.conversations.get('ana')?.transcript.lines()).toEqual([
      '+0:00:00  customer              «oi»',
      '+0:00:00  bot                   ⚑ keyboard.send  (menu)',
      '+0:00:00  customer              «Pedido»',
      '+0:00:00  bot           public  «Anotado. Um atendente já vem.»  (ack)',
      '+0:00:00  system                ■ flow ended',
    ]);

    // After an unsubscribe, the next send fails for good instead of being retried.
    await simControl(sim.url, 'POST', '/users/ana/unsubscribe');
    await host.send('ana', { type: 'agent.reply', agentId: 'a1', text: 'Ainda aí?' });
    expect(host.deliveries.at(-1)?.delivery.message?.author).toBe('agent');
    expect(host.deliveries.at(-1)).toMatchObject({
      result: {
        ok: false,
        retryable: false,
        error: 'Vibe status 6 (receiverNotSubscribed): the customer has unsubscribed',
      },
    });
    expect(sim.state.sent).toHaveLength(2);
    expect(host.refused).toBe(0);
    hook.onRequest = undefined;
  });
});
