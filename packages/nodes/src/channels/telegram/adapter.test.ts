import type { OutboundDelivery } from '@attendflow/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from './adapter.js';
import { telegram as channel } from './definition.js';
import type { TelegramSettings } from './settings.js';
import { startTelegramSimulator, type TelegramSimulator } from './simulator.js';
import { webhookSecretOf } from './webhook-secret.js';

const token = '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const chat = 700000001;
let sim: TelegramSimulator;
let settings: TelegramSettings;
const signal = new AbortController().signal;

const delivery = (text: string, key = 'k1', attempt = 1): OutboundDelivery => ({
  idempotencyKey: key,
  conversation: { id: 'c1', externalId: String(chat), customer: { fields: {} }, subject: null },
  kind: 'message',
  message: { text, visibility: 'public', author: 'bot', attachments: [] },
  attempt,
});
const botSaid = () =>
  sim.actors
    .transcript(chat)
    .filter((m) => m.from === 'bot')
    .map((m) => m.text);
const methodsCalled = () =>
  sim.sim.journal.since().map((e) => `${e.path.split('/').at(-1) ?? ''} ${e.status ?? 'none'}`);

beforeEach(async () => {
  sim = await startTelegramSimulator();
  sim.actors.addBot({ token, username: 'loja_bot', first_name: 'Loja Exemplo' });
  sim.actors.addUser({ id: chat, first_name: 'Ana' });
  sim.actors.send(chat, { text: '/start' });
  settings = channel.settings.parse({
    botToken: token,
    apiBaseUrl: sim.url,
    requestTimeoutMs: 300,
  });
});
afterEach(() => sim.close());

describe('telegram adapter against the simulator', () => {
  it('tests the connection with getMe, and says "bot not found" for a bad token', async () => {
    const adapter = createTelegramAdapter();
    expect(await adapter.testConnection?.(settings, signal)).toEqual({
      ok: true,
      detail: 'bot Loja Exemplo (@loja_bot)',
      facts: { botName: 'Loja Exemplo', username: 'loja_bot', botId: 123456 },
    });
    const wrong = { ...settings, botToken: '999:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' };
    const check = await adapter.testConnection?.(wrong, signal);
    expect(check).toEqual({
      ok: false,
      detail: 'bot not found: check the token given by @BotFather',
    });
    expect(JSON.stringify(check)).not.toContain(wrong.botToken);
  });

  it('delivers a message and classifies refusals', async () => {
    const adapter = createTelegramAdapter();
    expect(await adapter.deliver(delivery('Olá Ana!'), settings, signal)).toEqual({
      ok: true,
      externalId: '2',
    });
    sim.actors.setBlocked(chat, true);
    expect(await adapter.deliver(delivery('volta', 'k2'), settings, signal)).toEqual({
      ok: false,
      retryable: false,
      error: 'sendMessage: Forbidden: bot was blocked by the user',
    });
    const stranger = {
      ...delivery('oi', 'k3'),
      conversation: { ...delivery('').conversation, externalId: '42' },
    };
    expect(await adapter.deliver(stranger, settings, signal)).toMatchObject({
      retryable: false,
      error: 'sendMessage: Bad Request: chat not found',
    });
    expect(botSaid()).toEqual(['Olá Ana!']);
  });

  it('honours retry_after on 429 and retries 5xx', async () => {
    const adapter = createTelegramAdapter();
    sim.sim.faults.add({
      match: { path: '/bot:token/sendMessage', nth: [1] },
      action: {
        type: 'status',
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 7',
          parameters: { retry_after: 7 },
        },
      },
    });
    // A rule counts the requests that reach it: the first rule consumed request 1.
    sim.sim.faults.add({
      match: { path: '/bot:token/sendMessage', nth: [1] },
      action: { type: 'status', status: 502 },
    });
    expect(await adapter.deliver(delivery('um'), settings, signal)).toEqual({
      ok: false,
      retryable: true,
      error: 'sendMessage: Too Many Requests: retry after 7',
      retryAfterMs: 7_000,
    });
    expect(await adapter.deliver(delivery('um'), settings, signal)).toMatchObject({
      ok: false,
      retryable: true,
      error: 'sendMessage: HTTP 502',
    });
    expect(await adapter.deliver(delivery('um'), settings, signal)).toMatchObject({ ok: true });
    expect(botSaid()).toEqual(['um']);
  });

  it('splits a long message and resumes after the parts already sent', async () => {
    const adapter = createTelegramAdapter();
    const long = `${'a'.repeat(4000)}\n\n${'b'.repeat(4000)}\n\n${'c'.repeat(100)}`;
    sim.sim.faults.add({
      match: { path: '/bot:token/sendMessage', nth: [2] },
      action: {
        type: 'status',
        status: 500,
        body: { ok: false, error_code: 500, description: 'Internal Server Error' },
      },
    });
    expect(await adapter.deliver(delivery(long), settings, signal)).toEqual({
      ok: false,
      retryable: true,
      error: 'sendMessage: Internal Server Error (part 2 of 3)',
    });
    expect(await adapter.deliver(delivery(long, 'k1', 2), settings, signal)).toEqual({
      ok: true,
      externalId: '4',
    });
    expect(botSaid().map((text) => [text?.[0], text?.length])).toEqual([
      ['a', 4000],
      ['b', 4000],
      ['c', 100],
    ]);
    expect(
      await adapter.deliver(delivery('x'.repeat(4096 * 4 + 10), 'k9'), settings, signal),
    ).toEqual({
      ok: false,
      retryable: false,
      error: 'the message is too long for Telegram',
    });
  });

  it('after a timeout whose send was applied: resends by default, or fails when told to', async () => {
    const adapter = createTelegramAdapter();
    const timeoutOnce = () =>
      sim.sim.faults.add({
        match: { path: '/bot:token/sendMessage', times: 1 },
        action: { type: 'timeout', applyEffect: true },
      });
    timeoutOnce();
    expect(await adapter.deliver(delivery('talvez'), settings, signal)).toEqual({
      ok: false,
      retryable: true,
      error: 'sendMessage: timed out; it may have arrived: sending again',
    });
    expect(await adapter.deliver(delivery('talvez', 'k1', 2), settings, signal)).toMatchObject({
      ok: true,
    });
    // At least once: the customer saw it twice.
    expect(botSaid()).toEqual(['talvez', 'talvez']);
    sim.sim.faults.remove();
    timeoutOnce();
    const careful = { ...settings, ambiguousSend: 'fail' as const };
    expect(await adapter.deliver(delivery('uma vez', 'k2'), careful, signal)).toEqual({
      ok: false,
      retryable: false,
      error: 'sendMessage: timed out; it may have arrived: not sent again',
    });
    expect(botSaid()).toEqual(['talvez', 'talvez', 'uma vez']);
  });

  it('polls: deletes a webhook once, reads from the offset, confirms after ingest', async () => {
    const adapter = createTelegramAdapter();
    sim.actors.send(chat, { text: 'pedido 42' });
    const first = await adapter.sync?.({ settings, state: null, now: 0, signal });
    expect(first?.items.map((i) => i.event && 'text' in i.event && i.event.text)).toEqual([
      '/start',
      'pedido 42',
    ]);
    expect(first?.state).toEqual({ mode: 'polling', offset: 640000003 });
    expect(first?.nextSyncInMs).toBe(3_000);
    // A run whose state was lost (crash before it was stored) reads the same updates again.
    const again = await adapter.sync?.({ settings, state: null, now: 0, signal });
    expect(again?.items.map((i) => i.dedupKey)).toEqual(first?.items.map((i) => i.dedupKey));
    const next = await adapter.sync?.({ settings, state: first?.state ?? null, now: 0, signal });
    expect(next?.items).toEqual([]);
    expect(methodsCalled()).toEqual([
      'deleteWebhook 200',
      'getUpdates 200',
      'deleteWebhook 200',
      'getUpdates 200',
      'getUpdates 200',
    ]);
    expect(sim.sim.journal.since().at(-1)?.body).toEqual({
      offset: 640000003,
      limit: 100,
      timeout: 0,
      allowed_updates: ['message'],
    });
  });

  it('in webhook mode sets the webhook with its secret once, and says so when getUpdates conflicts', async () => {
    const adapter = createTelegramAdapter();
    const hooked = {
      ...settings,
      receiveBy: 'webhook' as const,
      webhookUrl: 'http://127.0.0.1:9/api/channels/x/inbound',
    };
    const first = await adapter.sync?.({ settings: hooked, state: null, now: 0, signal });
    const second = await adapter.sync?.({
      settings: hooked,
      state: first?.state ?? null,
      now: 0,
      signal,
    });
    expect(second).toEqual({ ...first, items: [] });
    expect(methodsCalled()).toEqual(['getWebhookInfo 200', 'setWebhook 200', 'getWebhookInfo 200']);
    const set = sim.sim.journal.since()[1]?.body as Record<string, unknown>;
    expect(set).toEqual({
      url: hooked.webhookUrl,
      secret_token: webhookSecretOf(hooked),
      allowed_updates: ['message'],
    });
    expect(JSON.stringify(first?.state)).not.toContain(webhookSecretOf(hooked));
    // Someone else polls this bot while our webhook is set: the run fails, saying why.
    await expect(
      adapter.sync?.({ settings, state: { mode: 'polling', offset: null }, now: 0, signal }),
    ).rejects.toThrow(/getUpdates: Conflict: can't use getUpdates method while webhook is active/);
  });
});
