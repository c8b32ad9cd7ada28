import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramSimulator, type TelegramSimulator } from './simulator.js';

const token = '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
let telegram: TelegramSimulator;
let closing: Array<() => Promise<void>> = [];

type Envelope = {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
};
const call = async (
  method: string,
  params: Record<string, unknown> = {},
  how: 'json' | 'form' | 'query' = 'json',
  botToken = token,
): Promise<Envelope & { status: number }> => {
  const strings = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const base = `${telegram.url}/bot${botToken}/${method}`;
  const response =
    how === 'query'
      ? await fetch(`${base}?${new URLSearchParams(strings)}`)
      : await fetch(base, {
          method: 'POST',
          ...(how === 'json'
            ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }
            : { body: new URLSearchParams(strings) }),
        });
  return { status: response.status, ...((await response.json()) as Envelope) };
};

beforeEach(async () => {
  telegram = await startTelegramSimulator();
  telegram.actors.addBot({ token, username: 'loja_bot', first_name: 'Loja Exemplo' });
  telegram.actors.addUser({ id: 700000001, first_name: 'Ana', username: 'ana_ex' });
  closing.push(() => telegram.close());
});
afterEach(async () => {
  await Promise.all(closing.map((close) => close()));
  closing = [];
});

describe('telegram simulator', () => {
  it('answers getMe, 401 for an unknown token, 404 for an unknown method, and hides the token', async () => {
    expect(await call('getMe', {}, 'query')).toEqual({
      status: 200,
      ok: true,
      result: {
        id: 123456,
        is_bot: true,
        first_name: 'Loja Exemplo',
        username: 'loja_bot',
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      },
    });
    expect(await call('getMe', {}, 'json', '999:nope')).toEqual({
      status: 401,
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
    });
    expect(await call('getme')).toMatchObject({ status: 200, ok: true });
    expect(await call('sendTelepathy')).toMatchObject({ status: 404, description: 'Not Found' });
    const journal = JSON.stringify(telegram.sim.journal.since());
    expect(journal).not.toContain(token);
    expect(telegram.sim.journal.since().map((e) => e.path)).toEqual([
      '/bot[redacted]/getMe',
      '/bot[redacted]/getMe',
      '/bot[redacted]/getme',
      '/bot[redacted]/sendTelepathy',
    ]);
  });

  it('queues updates for getUpdates and confirms them by offset, in update_id order', async () => {
    telegram.actors.send(700000001, { text: '/start' });
    telegram.actors.send(700000001, { text: 'meu pedido' });
    const first = await call('getUpdates', { limit: 1 }, 'form');
    const updates = first.result as Array<{ update_id: number; message: Record<string, unknown> }>;
    expect(updates).toEqual([
      {
        update_id: 640000001,
        message: {
          message_id: 1,
          from: { id: 700000001, is_bot: false, first_name: 'Ana', username: 'ana_ex' },
          chat: { id: 700000001, type: 'private', first_name: 'Ana', username: 'ana_ex' },
          date: expect.any(Number) as unknown,
          text: '/start',
          entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        },
      },
    ]);
    // Not confirmed yet: read again without an offset.
    expect((await call('getUpdates')).result).toHaveLength(2);
    const after = await call('getUpdates', { offset: 640000002 });
    expect((after.result as Array<{ update_id: number }>).map((u) => u.update_id)).toEqual([
      640000002,
    ]);
    expect((await call('getUpdates', { offset: 640000003 })).result).toEqual([]);
    expect(await call('getUpdates', { limit: 101 })).toMatchObject({ status: 400 });
  });

  it('long-polls until an update arrives and refuses a second poller', async () => {
    const polling = call('getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await call('getUpdates')).toMatchObject({
      status: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    telegram.actors.send(700000001, { text: 'oi' });
    const result = (await polling).result as Array<{ message: { text: string } }>;
    expect(result.map((u) => u.message.text)).toEqual(['oi']);
  });

  it('validates setWebhook, refuses getUpdates beside a webhook, and reports it', async () => {
    expect(await call('setWebhook', { url: 'ftp://x' })).toMatchObject({
      status: 400,
      description: 'Bad Request: bad webhook: unsupported URL protocol',
    });
    expect(
      await call('setWebhook', { url: 'http://127.0.0.1:9/x', secret_token: 'a b' }),
    ).toMatchObject({
      status: 400,
      description: 'Bad Request: secret token contains unallowed characters',
    });
    expect(
      await call('setWebhook', { url: 'http://x.example/h', max_connections: 0 }),
    ).toMatchObject({
      status: 400,
    });
    telegram.core.configure({ webhookRequireHttps: true });
    expect(await call('setWebhook', { url: 'https://x.example:8080/h' })).toMatchObject({
      status: 400,
      description:
        'Bad Request: bad webhook: webhook can be set up only on ports 80, 88, 443 or 8443',
    });
    telegram.core.configure({ webhookRequireHttps: false });
    expect(
      await call('setWebhook', {
        url: 'http://127.0.0.1:9/h',
        secret_token: 's3cr3t',
        allowed_updates: ['message'],
      }),
    ).toEqual({ status: 200, ok: true, result: true, description: 'Webhook was set' });
    expect(await call('getUpdates')).toMatchObject({
      status: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    expect((await call('getWebhookInfo')).result).toEqual({
      url: 'http://127.0.0.1:9/h',
      has_custom_certificate: false,
      pending_update_count: 0,
      max_connections: 40,
      allowed_updates: ['message'],
    });
    expect(await call('deleteWebhook', {}, 'query')).toMatchObject({ result: true });
    expect((await call('getUpdates')).result).toEqual([]);
  });

  it('pushes each update to the webhook with the secret-token header; pending while it fails', async () => {
    const received: Array<{ secret: string | undefined; body: unknown }> = [];
    let failures = 2;
    const receiver = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        if (failures-- > 0) return res.writeHead(500).end();
        received.push({
          secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
          body: JSON.parse(raw) as unknown,
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    telegram.sim.pushes.configure({ manual: true });
    telegram.actors.send(700000001, { text: 'antes do webhook' });
    await call('setWebhook', { url, secret_token: 'our-secret_1' });
    const info = (await call('getWebhookInfo')).result as { pending_update_count: number };
    expect(info.pending_update_count).toBe(1);
    telegram.sim.pushes.flush();
    await telegram.sim.pushes.idle();
    expect(received).toEqual([
      {
        secret: 'our-secret_1',
        body: expect.objectContaining({ update_id: 640000001 }) as unknown,
      },
    ]);
    expect(telegram.sim.pushes.deliveries().map((a) => a.status)).toEqual([500, 500, 200]);
    expect((await call('getWebhookInfo')).result).toMatchObject({
      pending_update_count: 0,
      last_error_message: 'Wrong response from the webhook: 500',
    });
  });

  it('sends messages into the chat, with Telegram’s errors and limits', async () => {
    telegram.actors.addUser({ id: 700000002, first_name: 'Bruno' });
    expect(await call('sendMessage', { chat_id: 700000002, text: 'oi' })).toMatchObject({
      status: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
    expect(await call('sendMessage', { chat_id: 42, text: 'oi' })).toMatchObject({
      status: 400,
      description: 'Bad Request: chat not found',
    });
    telegram.actors.send(700000001, { text: '/start' });
    expect(await call('sendMessage', { chat_id: 700000001, text: ' ' })).toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    expect(await call('sendMessage', { chat_id: 700000001, text: 'x'.repeat(4097) })).toMatchObject(
      {
        status: 400,
        description: 'Bad Request: message is too long',
      },
    );
    expect(
      await call('sendMessage', { chat_id: 700000001, text: '<b>oi', parse_mode: 'HTML' }),
    ).toMatchObject({
      status: 400,
      description: expect.stringMatching(/^Bad Request: can't parse entities/) as unknown,
    });
    const sent = await call('sendMessage', { chat_id: '700000001', text: 'Olá Ana!' }, 'form');
    expect(sent).toMatchObject({
      status: 200,
      result: { message_id: 2, chat: { id: 700000001, type: 'private' }, text: 'Olá Ana!' },
    });
    expect(telegram.actors.transcript(700000001)).toEqual([
      { from: 'user', message_id: 1, text: '/start' },
      { from: 'bot', message_id: 2, text: 'Olá Ana!' },
    ]);
    telegram.actors.setBlocked(700000001, true);
    expect(await call('sendMessage', { chat_id: 700000001, text: 'volta' })).toMatchObject({
      status: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    const blocked = (await call('getUpdates')).result as Array<Record<string, unknown>>;
    expect(blocked.at(-1)).toMatchObject({
      my_chat_member: { new_chat_member: { status: 'kicked' } },
    });
  });

  it('limits messages per chat with 429 and retry_after on the simulated clock', async () => {
    telegram.actors.send(700000001, { text: '/start' });
    const send = () => call('sendMessage', { chat_id: 700000001, text: 'rajada' });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited).toEqual({
      status: 429,
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    telegram.sim.clock.advance(3_000);
    expect((await send()).status).toBe(200);
    expect(telegram.actors.transcript(700000001).filter((m) => m.from === 'bot')).toHaveLength(4);
  });

  it('dumps, resets and loads its state over the control plane', async () => {
    telegram.actors.send(700000001, { text: 'guardar' });
    const state = (await fetch(`${telegram.url}/__sim/state`).then((r) => r.json())) as unknown;
    await fetch(`${telegram.url}/__sim/reset`, { method: 'POST' });
    expect(await call('getMe')).toMatchObject({ status: 401 });
    await fetch(`${telegram.url}/__sim/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state),
    });
    const transcript = await fetch(
      `${telegram.url}/__sim/telegram/chats/700000001/transcript`,
    ).then((r) => r.json() as Promise<unknown>);
    expect(transcript).toEqual([{ from: 'user', message_id: 1, text: 'guardar' }]);
    const created = await fetch(`${telegram.url}/__sim/telegram/users/700000001/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'de novo' }),
    }).then((r) => r.json() as Promise<{ update: { update_id: number } }>);
    expect(created.update.update_id).toBe(640000002);
  });
});
