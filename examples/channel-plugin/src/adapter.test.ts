import type { OutboundDelivery } from '@attendflow/engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vibeAdapter } from './adapter.js';
import { simControl } from './fixtures/sim-control.js';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhook-receiver.js';
import { setVibeWebhook } from './set-webhook.js';
import { vibeSettings, type VibeSettings } from './settings.js';
import { startVibeSimulator, type VibeSimulator } from './simulator/simulator.js';

const TOKEN = 'sim-token-0123456789abcdef';
let sim: VibeSimulator;
let hook: WebhookReceiver;
let settings: VibeSettings;

const delivery = (overrides: Partial<OutboundDelivery> = {}): OutboundDelivery => ({
  idempotencyKey: 'conv-1:m1',
  conversation: { id: 'conv-1', externalId: 'ana', customer: { fields: {} }, subject: null },
  kind: 'message',
  message: { text: 'Olá, Ana!', visibility: 'public', author: 'bot', attachments: [] },
  attempt: 1,
  ...overrides,
});
const deliver = (item = delivery(), signal = new AbortController().signal, with_ = settings) =>
  vibeAdapter.deliver(item, with_, signal);

beforeAll(async () => {
  sim = await startVibeSimulator({ authToken: TOKEN, accountName: 'Loja Bot' });
  hook = await startWebhookReceiver();
  settings = vibeSettings.parse({
    authToken: TOKEN,
    botName: 'Loja',
    apiUrl: sim.url,
    timeoutMs: 500,
  });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(async () => {
  await simControl(sim.url, 'POST', '/reset');
  const signal = new AbortController().signal;
  expect(await setVibeWebhook(settings, hook.url, signal)).toEqual({
    ok: true,
    detail: `webhook set to ${hook.url}`,
  });
  await simControl(sim.url, 'POST', '/users', { id: 'ana', name: 'Ana', subscribed: true });
});

describe('vibe adapter against the simulator', () => {
  it('delivers a text and returns Vibe’s exact 64-bit message token', async () => {
    const result = await deliver();
    expect(sim.state.sent).toEqual([
      expect.objectContaining({ receiver: 'ana', text: 'Olá, Ana!', trackingData: 'conv-1:m1' }),
    ]);
    expect(result).toEqual({ ok: true, externalId: sim.state.sent[0]?.token });
    // Consecutive tokens are distinct as text although equal as JS numbers.
    const second = await deliver();
    expect(second).not.toEqual(result);
    expect(Number(sim.state.sent[0]?.token)).toBe(Number(sim.state.sent[1]?.token));
  });

  it('renders the keyboard action as a text with reply buttons', async () => {
    const result = await deliver(
      delivery({
        kind: 'action',
        action: {
          name: 'keyboard.send',
          payload: { text: 'Como ajudar?', buttons: ['Pedido', 'Troca'] },
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(sim.state.sent.map(({ text, buttons }) => ({ text, buttons }))).toEqual([
      { text: 'Como ajudar?', buttons: ['Pedido', 'Troca'] },
    ]);
  });

  it('fails for good on an action Vibe does not have, without calling it', async () => {
    const result = await deliver(
      delivery({ kind: 'action', action: { name: 'evaluation.request', payload: {} } }),
    );
    expect(result).toEqual({
      ok: false,
      retryable: false,
      error: 'Vibe has no action "evaluation.request"',
    });
    expect(sim.state.journal.filter((entry) => entry.path === '/pa/send_message')).toEqual([]);
  });

  it('does not retry a message to a user who unsubscribed or never registered', async () => {
    await simControl(sim.url, 'POST', '/users/ana/unsubscribe');
    expect(await deliver()).toEqual({
      ok: false,
      retryable: false,
      error: 'Vibe status 6 (receiverNotSubscribed): the customer has unsubscribed',
    });
    const stranger = delivery({
      conversation: { id: 'c2', externalId: 'nobody', customer: { fields: {} }, subject: null },
    });
    expect(await deliver(stranger)).toEqual({
      ok: false,
      retryable: false,
      error: 'Vibe status 5 (receiverNotRegistered)',
    });
    expect(sim.state.sent).toEqual([]);
  });

  it('retries after HTTP 429, 5xx and Vibe’s own rate limit, then gets through', async () => {
    for (const kind of ['429', '503', 'status-12']) {
      await simControl(sim.url, 'POST', '/faults', { kind });
    }
    const results = [await deliver(), await deliver(), await deliver(), await deliver()];
    expect(
      results.map((result) => (result.ok ? 'ok' : `${result.retryable}: ${result.error}`)),
    ).toEqual([
      'true: POST /pa/send_message: HTTP 429',
      'true: POST /pa/send_message: HTTP 503',
      'true: Vibe status 12 (tooManyRequests): rate limited',
      'ok',
    ]);
    expect(sim.state.sent).toHaveLength(1);
  });

  it('gives up at the settings’ timeout and honours the caller’s signal, both retryable', async () => {
    await simControl(sim.url, 'POST', '/faults', { kind: 'timeout', times: 2 });
    const startedAt = Date.now();
    expect(await deliver()).toEqual({
      ok: false,
      retryable: true,
      error: 'POST /pa/send_message: timed out after 500 ms',
    });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    const controller = new AbortController();
    const pending = deliver(delivery(), controller.signal, { ...settings, timeoutMs: 30_000 });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({
      ok: false,
      retryable: true,
      error: 'POST /pa/send_message: cancelled',
    });
  });

  it('refuses a wrong token for good, and never writes the token in the journal', async () => {
    const wrong = { ...settings, authToken: 'not-the-token-0000000000' };
    expect(await deliver(delivery(), new AbortController().signal, wrong)).toEqual({
      ok: false,
      retryable: false,
      error: 'Vibe status 2 (invalidAuthToken): check the bot token',
    });
    const journal = JSON.stringify(await simControl(sim.url, 'GET', '/journal'));
    expect(journal).not.toContain(TOKEN);
    expect(journal).toContain('"authorized":false');
  });

  it('tests the connection with get_account_info', async () => {
    const signal = new AbortController().signal;
    expect(await vibeAdapter.testConnection?.(settings, signal)).toEqual({
      ok: true,
      detail: `connected to bot “Loja Bot”, webhook ${hook.url}`,
    });
    expect(
      await vibeAdapter.testConnection?.(
        { ...settings, authToken: 'wrong-token-0000000000' },
        signal,
      ),
    ).toEqual({ ok: false, detail: 'Vibe status 2 (invalidAuthToken)' });
  });

  it('refuses a webhook that does not answer Vibe’s check', async () => {
    const signal = new AbortController().signal;
    expect(await setVibeWebhook(settings, 'http://127.0.0.1:9/nothing', signal)).toEqual({
      ok: false,
      detail: 'Vibe status 1 (invalidUrl)',
    });
  });
});
