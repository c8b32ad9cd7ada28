import type { InboundItem, InboundRequest } from '@attendflow/engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vibeAdapter } from './adapter.js';
import { simControl } from './fixtures/sim-control.js';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhook-receiver.js';
import { setVibeWebhook } from './set-webhook.js';
import { vibeSettings, type VibeSettings } from './settings.js';
import { signBody } from './signature.js';
import { startVibeSimulator, type VibeSimulator } from './simulator/simulator.js';

const TOKEN = 'sim-token-0123456789abcdef';
let sim: VibeSimulator;
let hook: WebhookReceiver;
let settings: VibeSettings;

/** The items of the last callback, after the host's check of its signature. */
function lastItems(): InboundItem[] {
  const request = hook.received.at(-1);
  if (!request) throw new Error('no callback arrived');
  expect(vibeAdapter.verifyInbound(request, settings)).toBe(true);
  const parsed = vibeAdapter.parseInbound(request, settings);
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.items;
}
const parse = (body: unknown) => {
  const rawBody = JSON.stringify(body);
  return vibeAdapter.parseInbound({ headers: {}, rawBody, body }, settings);
};

beforeAll(async () => {
  sim = await startVibeSimulator({ authToken: TOKEN });
  hook = await startWebhookReceiver();
  settings = vibeSettings.parse({ authToken: TOKEN, botName: 'Loja', apiUrl: sim.url });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(async () => {
  hook.received.length = 0;
  await simControl(sim.url, 'POST', '/reset');
  await setVibeWebhook(settings, hook.url, new AbortController().signal);
  await simControl(sim.url, 'POST', '/users', { id: 'ana', name: 'Ana', country: 'BR' });
});

describe('vibe callbacks', () => {
  it('verifies the signature over the exact body, in constant time', () => {
    const [check] = hook.received;
    if (!check) throw new Error('set_webhook sent no check');
    expect(vibeAdapter.verifyInbound(check, settings)).toBe(true);
    const forged: InboundRequest = { ...check, rawBody: `${check.rawBody} ` };
    expect(vibeAdapter.verifyInbound(forged, settings)).toBe(false);
    const otherKey = { ...settings, authToken: 'another-token-0123456789' };
    expect(vibeAdapter.verifyInbound(check, otherKey)).toBe(false);
    const unsigned = { ...check, headers: {} };
    expect(vibeAdapter.verifyInbound(unsigned, settings)).toBe(false);
    const garbage = { ...check, headers: { 'x-viber-content-signature': 'zz' } };
    expect(vibeAdapter.verifyInbound(garbage, settings)).toBe(false);
    expect(check.headers['x-viber-content-signature']).toBe(signBody(check.rawBody, TOKEN));
  });

  it('ignores the webhook check and a user who only opened the chat', async () => {
    expect(lastItems()).toEqual([]);
    await simControl(sim.url, 'POST', '/users/ana/open');
    expect(hook.received.at(-1)?.body).toMatchObject({ event: 'conversation_started' });
    expect(lastItems()).toEqual([]);
  });

  it('opens the conversation on a message, with the exact token as dedup key', async () => {
    const sent = await simControl<{ message_token: string }>(
      sim.url,
      'POST',
      '/users/ana/messages',
      {
        text: 'Meu pedido não chegou',
      },
    );
    expect(lastItems()).toEqual([
      {
        externalId: 'ana',
        dedupKey: sent.message_token,
        start: {
          customer: { id: 'ana', name: 'Ana', fields: {} },
          metadata: { country: 'BR', language: 'pt' },
          text: 'Meu pedido não chegou',
        },
        event: {
          type: 'customer.message',
          messageId: sent.message_token,
          text: 'Meu pedido não chegou',
          attachments: [],
        },
      },
    ]);
    // JSON.parse has rounded the token in `body`; the key comes from the raw bytes.
    expect(
      String((hook.received.at(-1)?.body as { message_token: number }).message_token),
    ).not.toBe(sent.message_token);
  });

  it('gives a redelivered message the same dedup key, so the host applies it once', async () => {
    const seen = new Set<string>();
    let applied = 0;
    hook.onRequest = (request) => {
      const parsed = vibeAdapter.parseInbound(request, settings);
      for (const item of parsed.ok ? parsed.items : []) {
        if (item.dedupKey !== undefined && seen.has(item.dedupKey)) continue;
        if (item.dedupKey !== undefined) seen.add(item.dedupKey);
        applied += 1;
      }
    };
    const first = await simControl<{ message_token: string }>(
      sim.url,
      'POST',
      '/users/ana/messages',
      {
        text: 'oi',
      },
    );
    await simControl(sim.url, 'POST', `/callbacks/${first.message_token}/redeliver`);
    await simControl(sim.url, 'POST', '/users/ana/messages', { text: 'oi' });
    hook.onRequest = undefined;
    expect(
      hook.received.slice(-3).map((request) => request.rawBody === hook.received.at(-3)?.rawBody),
    ).toEqual([true, true, false]);
    expect(applied).toBe(2);
  });

  it('maps subscribe and unsubscribe to channel events', async () => {
    await simControl(sim.url, 'POST', '/users/ana/subscribe');
    expect(lastItems()).toEqual([
      expect.objectContaining({
        externalId: 'ana',
        start: {
          customer: { id: 'ana', name: 'Ana', fields: {} },
          metadata: { country: 'BR', language: 'pt' },
        },
        event: { type: 'channel.subscribed', payload: {} },
      }),
    ]);
    await simControl(sim.url, 'POST', '/users/ana/unsubscribe');
    const [left] = lastItems();
    expect(left).toEqual({
      externalId: 'ana',
      dedupKey: expect.stringMatching(/^\d{19}$/) as unknown,
      event: { type: 'channel.unsubscribed', payload: {} },
    });
  });

  it('ignores delivery receipts', async () => {
    await simControl(sim.url, 'POST', '/users/ana/subscribe');
    await vibeAdapter.deliver(
      {
        idempotencyKey: 'k1',
        conversation: { id: 'c1', externalId: 'ana', customer: { fields: {} }, subject: null },
        kind: 'message',
        message: { text: 'Oi', visibility: 'public', author: 'bot', attachments: [] },
        attempt: 1,
      },
      settings,
      new AbortController().signal,
    );
    const token = sim.state.sent[0]?.token ?? '';
    for (const receipt of ['delivered', 'seen']) {
      await simControl(sim.url, 'POST', `/sent/${token}/${receipt}`);
      expect(hook.received.at(-1)?.body).toMatchObject({ event: receipt, user_id: 'ana' });
      expect(lastItems()).toEqual([]);
    }
  });

  it('maps media to an attachment and ignores events it does not know', () => {
    const media = parse({
      event: 'message',
      timestamp: 1,
      message_token: 7,
      sender: { id: 'ana' },
      message: { type: 'picture', media: 'https://cdn.example/p.jpg', text: 'foto' },
    });
    expect(media.ok && media.items[0]?.event).toEqual({
      type: 'customer.message',
      messageId: '7',
      text: 'foto',
      attachments: [{ name: 'picture', url: 'https://cdn.example/p.jpg' }],
    });
    expect(parse({ event: 'client_status', timestamp: 1 })).toEqual({ ok: true, items: [] });
  });

  it('names the fields of a malformed callback', () => {
    expect(parse({ timestamp: 1 })).toEqual({
      ok: false,
      issues: ['event: Invalid input: expected string, received undefined'],
    });
    expect(
      parse({ event: 'message', timestamp: 1, message_token: 'x', sender: {}, message: {} }),
    ).toEqual({
      ok: false,
      issues: [
        'message_token: must be a numeric token',
        'sender.id: Invalid input: expected string, received undefined',
        'message.type: Invalid input: expected string, received undefined',
      ],
    });
    expect(
      parse({
        event: 'message',
        timestamp: 1,
        message_token: 1,
        sender: { id: 'a' },
        message: { type: 'text' },
      }),
    ).toEqual({ ok: false, issues: ['message.text: a text message needs its text'] });
  });
});
