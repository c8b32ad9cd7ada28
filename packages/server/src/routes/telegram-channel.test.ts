import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { startTelegramSimulator, type TelegramSimulator } from '@attendflow/nodes/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelConnections,
  channelSync,
  conversations,
  events,
  messages,
  outbox,
} from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const hookToken = '111111:AAHookHookHookHookHookHookHook';
const pollToken = '222222:AAPollPollPollPollPollPollPoll';
const people = { ana: 700000001, bruno: 700000002, carla: 700000003, davi: 700000004 };

describe.each(testBackends())('telegram channel end to end on $name', (backend) => {
  let t: TestApp;
  let telegram: TelegramSimulator;
  let hook: string;
  let poll: string;

  const db = () => t.database.db;
  const tally = async () => {
    const [row] = await db()
      .select({
        conversations: sql<number>`(select count(*)::int from ${conversations})`,
        events: sql<number>`(select count(*)::int from ${events})`,
        outbox: sql<number>`(select count(*)::int from ${outbox})`,
      })
      .from(sql`(select 1) as one`);
    return row;
  };
  const customerSaid = async (chatId: number) =>
    (
      await db()
        .select({ text: messages.text, localId: messages.localId })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(and(eq(conversations.externalId, String(chatId)), eq(messages.author, 'customer')))
    )
      .sort((a, b) => a.localId.localeCompare(b.localId, 'en', { numeric: true }))
      .map((m) => m.text);
  const botSaid = (chatId: number, bot: string) =>
    telegram.actors
      .transcript(chatId, bot)
      .filter((m) => m.from === 'bot')
      .map((m) => m.text);
  const sendMessageStatuses = () =>
    telegram.sim.journal
      .since()
      .filter((e) => e.route === '/bot:token/sendMessage')
      .map((e) => e.status);
  const advance = (ms: number) => (t.clock.now += ms);
  const pushed = () => telegram.sim.pushes.idle();

  beforeAll(async () => {
    telegram = await startTelegramSimulator();
    telegram.actors.addBot({ token: hookToken, username: 'loja_bot', first_name: 'Loja Exemplo' });
    telegram.actors.addBot({ token: pollToken, username: 'suporte_bot', first_name: 'Suporte' });
    telegram.actors.addUser({ id: people.ana, first_name: 'Ana', username: 'ana_ex' });
    telegram.actors.addUser({ id: people.bruno, first_name: 'Bruno' });
    telegram.actors.addUser({ id: people.carla, first_name: 'Carla' });
    telegram.actors.addUser({ id: people.davi, first_name: 'Davi' });
    t = await startTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const common = { apiBaseUrl: telegram.url, requestTimeoutMs: 300 };
    ({ connectionId: hook } = await seedConnection(db(), t.core.connections, {
      type: 'telegram',
      name: 'Loja no Telegram',
      settings: { ...common, botToken: hookToken },
    }));
    ({ connectionId: poll } = await seedConnection(db(), t.core.connections, {
      type: 'telegram',
      name: 'Suporte no Telegram',
      settings: { ...common, botToken: pollToken, receiveBy: 'polling' },
    }));
    // The inbound address contains the connection's id, so it is set once the connection exists.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/connections/${hook}`,
      headers: t.as('admin'),
      payload: {
        settings: { receiveBy: 'webhook', webhookUrl: `${base}/api/channels/${hook}/inbound` },
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(JSON.stringify(patched.json())).not.toContain(hookToken);
  });
  afterAll(async () => {
    await t.close();
    await telegram.close();
  });

  it('shows the bot’s name when the connection is tested, and "bot not found" for a bad token', async () => {
    const tested = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${hook}/test`,
      headers: t.as('admin'),
    });
    expect(tested.json()).toEqual({
      ok: true,
      detail: 'bot Loja Exemplo (@loja_bot)',
      facts: { botName: 'Loja Exemplo', username: 'loja_bot', botId: 111111 },
    });
    const { connectionId: bad } = await seedConnection(db(), t.core.connections, {
      type: 'telegram',
      settings: { apiBaseUrl: telegram.url, botToken: '333333:AAWrongWrongWrongWrongWrong' },
    });
    await db()
      .update(channelConnections)
      .set({ status: 'disabled' })
      .where(eq(channelConnections.id, bad));
    const failed = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${bad}/test`,
      headers: t.as('admin'),
    });
    expect(failed.json()).toEqual({
      ok: false,
      detail: 'bot not found: check the token given by @BotFather',
    });
  });

  it('webhook: the sync sets the webhook; a message becomes a conversation; the greeting is sent once', async () => {
    expect(await t.core.sync.runOnce()).toBe(2);
    const info = await fetch(`${telegram.url}/bot${hookToken}/getWebhookInfo`).then(
      (r) => r.json() as Promise<{ result: { url: string } }>,
    );
    expect(info.result.url).toMatch(new RegExp(`/api/channels/${hook}/inbound$`));
    telegram.actors.send(people.ana, { bot: 'loja_bot', text: '/start' });
    await pushed();
    expect(telegram.sim.pushes.deliveries().map((a) => a.status)).toEqual([200]);
    const [conversation] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.externalId, String(people.ana)));
    expect(conversation).toMatchObject({
      connectionId: hook,
      channel: 'telegram',
      customer: { id: String(people.ana), name: 'Ana' },
    });
    expect(await t.core.outbox.runOnce()).toBe(1);
    expect(telegram.actors.transcript(people.ana, 'loja_bot')).toEqual([
      { from: 'user', message_id: 1, text: '/start' },
      { from: 'bot', message_id: 2, text: 'Olá Ana!' },
    ]);
    expect(await t.core.outbox.runOnce()).toBe(0);
    expect(JSON.stringify(telegram.sim.journal.since())).not.toContain(hookToken);
  });

  it('webhook: duplicate and reordered deliveries apply each message exactly once', async () => {
    const before = await tally();
    telegram.sim.pushes.configure({ duplicate: 2 });
    telegram.actors.send(people.ana, { bot: 'loja_bot', text: 'meu pedido 42' });
    await pushed();
    telegram.sim.pushes.configure({ duplicate: 1, manual: true, reorder: 'reverseBatch' });
    telegram.actors.send(people.ana, { bot: 'loja_bot', text: 'chegou quebrado' });
    telegram.actors.send(people.ana, { bot: 'loja_bot', text: 'com foto' });
    telegram.sim.pushes.flush();
    await pushed();
    const attempts = telegram.sim.pushes.deliveries().slice(1);
    expect(
      attempts.map((a) => [(a.payload as { update_id: number }).update_id, a.status, a.reordered]),
    ).toEqual([
      [640000002, 200, false],
      [640000002, 200, false],
      [640000004, 200, true],
      [640000003, 200, true],
    ]);
    expect(await tally()).toEqual({ ...before, events: (before?.events ?? 0) + 3 });
    // Arrival order is kept: Telegram promises none once deliveries overlap.
    expect(await customerSaid(people.ana)).toEqual([
      '/start',
      'meu pedido 42',
      'com foto',
      'chegou quebrado',
    ]);
    telegram.sim.pushes.configure({ manual: false, reorder: 'none' });
  });

  it('webhook: a wrong secret gets 401 and writes nothing; the update is kept and arrives later', async () => {
    const before = await tally();
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/channels/${hook}/inbound`,
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'guess' },
      payload: {
        update_id: 1,
        message: { message_id: 99, chat: { id: 1, type: 'private' }, date: 1, text: 'x' },
      },
    });
    expect(wrong.statusCode).toBe(401);
    telegram.sim.pushes.configure({ badSignature: true });
    telegram.actors.send(people.ana, { bot: 'loja_bot', text: 'alguém?' });
    await pushed();
    expect(
      telegram.sim.pushes
        .deliveries()
        .slice(-4)
        .map((a) => a.status),
    ).toEqual([401, 401, 401, 401]);
    expect(await tally()).toEqual(before);
    const info = await fetch(`${telegram.url}/bot${hookToken}/getWebhookInfo`).then(
      (r) => r.json() as Promise<{ result: Record<string, unknown> }>,
    );
    expect(info.result).toMatchObject({
      pending_update_count: 1,
      last_error_message: 'Wrong response from the webhook: 401',
    });
    // Telegram keeps retrying a pending update: once the secret matches, it goes through.
    telegram.sim.pushes.configure({ badSignature: false });
    const bot = telegram.core.state.bots.find((b) => b.user.username === 'loja_bot');
    if (bot) telegram.core.pushPending(bot);
    await pushed();
    expect(await customerSaid(people.ana)).toContain('alguém?');
    expect(await tally()).toEqual({ ...before, events: (before?.events ?? 0) + 1 });
  });

  it('polling: getUpdates through the sync; a lost cursor re-reads without doubling', async () => {
    telegram.actors.send(people.bruno, { bot: 'suporte_bot', text: 'oi, preciso de ajuda' });
    advance(3_000);
    expect(await t.core.sync.runOnce()).toBe(1);
    expect(await customerSaid(people.bruno)).toEqual(['oi, preciso de ajuda']);
    expect(await t.core.outbox.runOnce()).toBe(1);
    expect(botSaid(people.bruno, 'suporte_bot')).toEqual(['Olá Bruno!']);
    const before = await tally();
    // As if the process died after ingesting but before storing the offset.
    await db().update(channelSync).set({ state: null }).where(eq(channelSync.connectionId, poll));
    advance(3_000);
    expect(await t.core.sync.runOnce()).toBe(1);
    expect(await tally()).toEqual(before);
    const [sync] = await db().select().from(channelSync).where(eq(channelSync.connectionId, poll));
    expect(sync?.state).toEqual({ mode: 'polling', offset: 640000002 });
  });

  it('polling: a 5xx on getUpdates fails the run and loses nothing', async () => {
    telegram.sim.faults.add({
      match: { path: '/bot:token/getUpdates', times: 1 },
      action: {
        type: 'status',
        status: 502,
        body: { ok: false, error_code: 502, description: 'Bad Gateway' },
      },
    });
    telegram.actors.send(people.bruno, { bot: 'suporte_bot', text: 'ainda aqui' });
    advance(3_000);
    await t.core.sync.runOnce();
    expect((await t.core.sync.status(poll))?.lastError).toBe('getUpdates: Bad Gateway');
    advance(30_000);
    await t.core.sync.runOnce();
    expect((await t.core.sync.status(poll))?.lastError).toBeNull();
    expect(await customerSaid(people.bruno)).toEqual(['oi, preciso de ajuda', 'ainda aqui']);
  });

  it('faults: 429 waits retry_after, 5xx retries, and the greeting arrives exactly once', async () => {
    telegram.sim.journal.reset();
    telegram.sim.faults.add({
      match: { path: '/bot:token/sendMessage', times: 1 },
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
    telegram.actors.send(people.carla, { bot: 'suporte_bot', text: '/start' });
    advance(3_000);
    await t.core.sync.runOnce();
    expect(await t.core.outbox.runOnce()).toBe(1);
    const [row] = await db().select().from(outbox).where(eq(outbox.state, 'pending'));
    expect(row?.lastError).toBe('sendMessage: Too Many Requests: retry after 7');
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t.clock.now + 7_000);
    advance(6_000);
    expect(await t.core.outbox.runOnce()).toBe(0);
    telegram.sim.faults.add({
      match: { path: '/bot:token/sendMessage', times: 1 },
      action: {
        type: 'status',
        status: 500,
        body: { ok: false, error_code: 500, description: 'Internal Server Error' },
      },
    });
    advance(1_000);
    expect(await t.core.outbox.runOnce()).toBe(1);
    advance(2_000);
    expect(await t.core.outbox.runOnce()).toBe(1);
    expect(sendMessageStatuses()).toEqual([429, 500, 200]);
    expect(botSaid(people.carla, 'suporte_bot')).toEqual(['Olá Carla!']);
  });

  it('faults: a sendMessage timeout with the effect applied is resent (at least once, documented)', async () => {
    telegram.sim.journal.reset();
    telegram.sim.faults.add({
      match: { path: '/bot:token/sendMessage', times: 1 },
      action: { type: 'timeout', applyEffect: true },
    });
    telegram.actors.send(people.davi, { bot: 'suporte_bot', text: '/start' });
    advance(3_000);
    await t.core.sync.runOnce();
    expect(await t.core.outbox.runOnce()).toBe(1);
    const [row] = await db().select().from(outbox).where(eq(outbox.state, 'pending'));
    expect(row?.lastError).toBe('sendMessage: timed out; it may have arrived: sending again');
    advance(1_000);
    expect(await t.core.outbox.runOnce()).toBe(1);
    expect(sendMessageStatuses()).toEqual([null, 200]);
    // Telegram has no idempotency key nor a way for a bot to read its chat: never lost, maybe twice.
    expect(botSaid(people.davi, 'suporte_bot')).toEqual(['Olá Davi!', 'Olá Davi!']);
    const sent = await db()
      .select({ state: messages.state })
      .from(messages)
      .where(and(eq(messages.author, 'bot'), eq(messages.text, 'Olá Davi!')));
    expect(sent).toEqual([{ state: 'sent' }]);
  });
});
