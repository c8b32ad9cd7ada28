import type { FlowInput } from '@attendflow/engine';
import { startWishSimulator, type WishSimulator } from '@attendflow/nodes/simulators';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelSync, events, messages, outbox, timers } from '../db/schema/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const token = 'wish-access-token-never-logged';
const merchantId = '5a000000000000000000000a';
const HOUR = 3_600_000;

/** Greets in the buyer's language, waits for the buyer, then keeps the 48 h answer deadline. */
const wishFlow: FlowInput = {
  schemaVersion: 1,
  name: 'Wish tickets',
  nodes: [
    ['start', 'trigger', {}],
    [
      'greet',
      'localized-message',
      {
        texts: [
          {
            language: 'en',
            text: 'Hello {{customer.name}}, thank you! Please tell us your order number.',
          },
          {
            language: 'de',
            text: 'Hallo {{customer.name}}, danke! Bitte nennen Sie uns Ihre Bestellnummer.',
          },
          {
            language: 'pt-BR',
            text: 'Olá {{customer.name}}, obrigado! Informe o número do pedido.',
          },
        ],
        fallbackLanguage: 'en',
      },
    ],
    ['buyer', 'wait-for-customer', { timeout: { amount: 3, unit: 'days' } }],
    [
      'answer',
      'deadline-reminder',
      {
        sector: 'Wish',
        remindBefore: { amount: 8, unit: 'hours' },
        reminderAlert: 'Wish ticket {{conversation.externalId}}: 8 hours left to answer',
      },
    ],
    ['late', 'human-handoff', { sector: 'Wish' }],
    ['bye', 'close', { solution: 'no-reply' }],
  ].map(([id, type, settings], i) => ({
    id: id as string,
    type: type as string,
    typeVersion: 1,
    settings: settings as Record<string, unknown>,
    position: { x: i * 200, y: 0 },
  })),
  edges: [
    ['start', 'next', 'greet'],
    ['greet', 'next', 'buyer'],
    ['buyer', 'replied', 'answer'],
    ['buyer', 'timeout', 'bye'],
    ['answer', 'answered', 'buyer'],
    ['answer', 'late', 'late'],
    ['late', 'answered', 'buyer'],
  ].map(([source, sourcePort, target], i) => ({
    id: `e${i + 1}`,
    source: source ?? '',
    sourcePort: sourcePort ?? '',
    target: target ?? '',
  })),
  variables: [],
};

type Summary = {
  id: string;
  externalId: string;
  status: string;
  flowState: string;
  queue: string | null;
  answerDueAt: string | null;
  subject: string | null;
  customer: Record<string, unknown>;
};
type Detail = Summary & {
  transcript: Array<{ author: string; text: string; state: string }>;
  events: Array<{ type: string; effects: Array<{ kind: string; text?: string; level?: string }> }>;
};

describe.each(testBackends())('Wish channel end to end on $name', (backend) => {
  let t: TestApp;
  let sim: WishSimulator;
  let connectionId: string;

  const call: TestApp['call'] = (...args) => t.call(...args);
  const simPost = async (path: string, body: unknown = {}) =>
    (
      await fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<{ Ticket: { id: string } }>;
  const openTicket = async (subject: string, name: string, locale: string) =>
    (
      await simPost('/__sim/wish/tickets', {
        category: 'post-purchase',
        subject,
        message: subject,
        buyer: { name, locale },
      })
    ).Ticket.id;
  const fault = (match: Record<string, unknown>, action: Record<string, unknown>) =>
    simPost('/__sim/faults', { match: { times: 1, ...match }, action });
  /** The vendor calls since `since`, as `METHOD route status`. */
  const vendorCalls = async (since = 0) =>
    (
      (await (await fetch(`${sim.url}/__sim/journal?since=${since}`)).json()) as Array<{
        method: string;
        route: string;
        status: number | null;
        body: Record<string, string> | undefined;
      }>
    ).map(
      (e) =>
        `${e.method} ${e.route.replace('/api/v2', '')} ${e.status ?? '—'}${e.body?.['reply'] ? ` «${e.body['reply']}»` : ''}`,
    );
  const journalLength = async () =>
    ((await (await fetch(`${sim.url}/__sim/journal`)).json()) as unknown[]).length;
  const syncNow = async () => {
    expect((await call('POST', `/connections/${connectionId}/sync`)).statusCode).toBe(202);
    return t.core.sync.runOnce();
  };
  /**
   * Delivers the outbox until it is empty, moving the server clock past a retry's backoff only
   * when nothing is due; returns how many times it had to wait for a retry.
   */
  const drainOutbox = async () => {
    let waits = 0;
    for (let round = 0; round < 40; round += 1) {
      if ((await t.core.outbox.runOnce()) > 0) continue;
      const [pending] = await t.database.db
        .select({ n: count() })
        .from(outbox)
        .where(eq(outbox.state, 'pending'));
      if ((pending?.n ?? 0) === 0) return waits;
      t.clock.now += 10 * 60_000;
      waits += 1;
    }
    throw new Error('the outbox did not drain');
  };
  const conversationOf = async (ticketId: string) => {
    const list = (
      await call('GET', `/conversations?connectionId=${connectionId}`, undefined, 'agent')
    ).json<{
      items: Summary[];
    }>();
    const found = list.items.filter((item) => item.externalId === ticketId);
    expect(found).toHaveLength(1);
    return (
      await call('GET', `/conversations/${found[0]?.id ?? ''}`, undefined, 'agent')
    ).json<Detail>();
  };
  const merchantReplies = (ticketId: string) =>
    sim.store.ticket(ticketId).replies.map((r) => `${r.sender}: ${r.message}`);

  beforeAll(async () => {
    t = await startTestApp(backend);
    sim = await startWishSimulator({ tokens: [{ token, merchantId }], ratePerMinute: 0 });
    const flow = (await call('POST', '/flows', { name: 'Wish tickets', document: wishFlow })).json<{
      id: string;
    }>();
    const published = await call('POST', `/flows/${flow.id}/publish`, { message: 'Wish v1' });
    expect(published.json()).toMatchObject({ issues: [] });
    const created = await call('POST', '/connections', {
      type: 'wish',
      name: 'Wish store',
      flowId: flow.id,
      settings: {
        apiBaseUrl: sim.apiBaseUrl,
        accessToken: token,
        syncIntervalMinutes: 5,
        requestTimeoutMs: 300,
      },
    });
    expect(created.statusCode).toBe(201);
    const connection = created.json<{
      id: string;
      settings: Record<string, unknown>;
      secretsSet: string[];
    }>();
    expect(connection.secretsSet).toEqual(['accessToken']);
    expect(JSON.stringify(connection)).not.toContain(token);
    connectionId = connection.id;
  });
  afterAll(async () => {
    await sim.close();
    await t.close();
  });

  it('checks the token through the API', async () => {
    expect((await call('POST', `/connections/${connectionId}/test`)).json()).toEqual({
      ok: true,
      detail: `merchant ${merchantId}`,
      facts: { merchantId },
    });
  });

  it('turns a ticket into a conversation, greets once in the buyer’s language, reminds before 48 h, and replies and resolves', async () => {
    const ticketId = await openTicket('Wo ist meine Bestellung?', 'Erika M.', 'de');
    const since = await journalLength();
    expect(await syncNow()).toBe(1);
    let conversation = await conversationOf(ticketId);
    expect(conversation).toMatchObject({
      subject: 'Wo ist meine Bestellung?',
      customer: { name: 'Erika M.', fields: { locale: 'de' } },
      flowState: 'buyer',
    });
    expect(await drainOutbox()).toBe(0);
    expect(merchantReplies(ticketId)).toEqual([
      'user: Wo ist meine Bestellung?',
      'merchant: Hallo Erika M., danke! Bitte nennen Sie uns Ihre Bestellnummer.',
    ]);
    // A second sync finds the ticket answered (no longer awaiting us): nothing more happens.
    t.clock.now += 5 * 60_000;
    expect(await syncNow()).toBe(1);
    expect(await drainOutbox()).toBe(0);
    expect(await vendorCalls(since)).toEqual([
      'GET /ticket/get-action-required 200',
      'POST /ticket/reply 200 «Hallo Erika M., danke! Bitte nennen Sie uns Ihre Bestellnummer.»',
      'GET /ticket/get-action-required 200',
    ]);

    // The buyer answers: a new round of 48 h, with the agents' reminder 8 h before its end.
    await simPost(`/__sim/wish/tickets/${ticketId}/user-reply`, { message: 'Bestellnummer 4711.' });
    t.clock.now += 60_000;
    const roundStart = t.clock.now;
    expect(await syncNow()).toBe(1);
    conversation = await conversationOf(ticketId);
    expect(conversation).toMatchObject({
      flowState: 'answer',
      queue: 'Wish',
      answerDueAt: new Date(roundStart + 48 * HOUR).toISOString(),
    });
    const reminders = (detail: Detail) =>
      detail.events.flatMap((event) =>
        event.effects
          .filter((effect) => effect.kind === 'alert')
          .map((effect) => `${effect.level}: ${effect.text}`),
      );
    t.clock.now = roundStart + 40 * HOUR - 1_000;
    expect(await t.core.timers.runOnce()).toBe(0);
    t.clock.now = roundStart + 40 * HOUR;
    expect(await t.core.timers.runOnce()).toBe(1);
    expect(reminders(await conversationOf(ticketId))).toEqual([
      `warning: Wish ticket ${ticketId}: 8 hours left to answer`,
    ]);

    // The agent replies and resolves: the reply goes first, then the close, each once.
    const beforeAgent = await journalLength();
    expect(
      (await call('POST', `/conversations/${conversation.id}/take`, undefined, 'agent')).statusCode,
    ).toBe(200);
    const resolved = await call(
      'POST',
      `/conversations/${conversation.id}/actions/ticket.reply-and-resolve`,
      { reply: 'Ihr Paket kommt morgen an.' },
      'agent',
    );
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'applied',
      conversation: { status: 'closed', answerDueAt: null },
    });
    expect(await drainOutbox()).toBe(0);
    expect(await vendorCalls(beforeAgent)).toEqual([
      'POST /ticket/reply 200 «Ihr Paket kommt morgen an.»',
      'POST /ticket/close 200',
    ]);
    expect(sim.store.ticket(ticketId).state).toBe('CLOSED');
    expect(merchantReplies(ticketId).slice(2)).toEqual([
      'user: Bestellnummer 4711.',
      'merchant: Ihr Paket kommt morgen an.',
    ]);
    // The deadline went with the close: no timer left, and nothing fires at 48 h.
    const [left] = await t.database.db.select({ n: count() }).from(timers);
    expect(left?.n).toBe(0);
    t.clock.now = roundStart + 49 * HOUR;
    expect(await t.core.timers.runOnce()).toBe(0);
    const transcript = (await conversationOf(ticketId)).transcript.map(
      (m) => `${m.author} ${m.state}: ${m.text}`,
    );
    expect(transcript).toEqual([
      'customer received: Wo ist meine Bestellung?',
      'bot sent: Hallo Erika M., danke! Bitte nennen Sie uns Ihre Bestellnummer.',
      'customer received: Bestellnummer 4711.',
      'agent sent: Ihr Paket kommt morgen an.',
    ]);
  });

  it('refuses a reply-and-resolve while the ticket awaits the buyer, and a bad payload, naming the field', async () => {
    const ticketId = await openTicket('Is it waterproof?', 'Sam', 'fr');
    t.clock.now += 60_000;
    await syncNow();
    await drainOutbox();
    // French has no template: the fallback language is used.
    expect(merchantReplies(ticketId)[1]).toBe(
      'merchant: Hello Sam, thank you! Please tell us your order number.',
    );
    const { id } = await conversationOf(ticketId);
    const refused = await call(
      'POST',
      `/conversations/${id}/actions/ticket.reply-and-resolve`,
      { reply: 'Yes' },
      'agent',
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'CHANNEL_RULE_VIOLATION', details: { rule: 'CHANNEL_NOT_AWAITING_COMPANY' } },
    });
    const invalid = await call(
      'POST',
      `/conversations/${id}/actions/ticket.reopen`,
      { reply: '' },
      'agent',
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: { message: string } }>().error.message).toBe(
      'body.reply: write the message sent with the re-opening',
    );
    const [outboxRows] = await t.database.db
      .select({ n: count() })
      .from(outbox)
      .where(eq(outbox.state, 'pending'));
    expect(outboxRows?.n).toBe(0);
  });

  it('under faults (5xx, 429, timeouts with the write applied, lost sync state) sends each message exactly once', async () => {
    const ticketId = await openTicket('Onde está meu pedido?', 'Ana', 'pt-BR');
    const since = await journalLength();
    // The listing fails twice (502, then 429): the sync records the error and tries again.
    await fault({ path: '/api/v2/ticket/get-action-required' }, { type: 'status', status: 502 });
    t.clock.now += 60_000;
    expect(await syncNow()).toBe(1);
    const status = (await call('GET', `/connections/${connectionId}/sync`)).json<{
      status: { lastError: string };
    }>();
    expect(status.status.lastError).toBe(
      'listing tickets: /ticket/get-action-required: HTTP 502 without a v2 body',
    );
    await fault(
      { path: '/api/v2/ticket/get-action-required' },
      {
        type: 'status',
        status: 429,
        headers: { 'retry-after': '30' },
        body: { code: 1017, message: 'slow', data: {} },
      },
    );
    t.clock.now += 60_000;
    expect(await syncNow()).toBe(1);
    t.clock.now += 60_000;
    expect(await syncNow()).toBe(1);
    const { id } = await conversationOf(ticketId);

    // The greeting: Wish applies it but the answer never comes, and the re-read fails too; the
    // retry re-reads first, finds the greeting, and posts nothing.
    await fault(
      { method: 'POST', path: '/api/v2/ticket/reply' },
      { type: 'timeout', applyEffect: true },
    );
    await fault({ method: 'GET', path: '/api/v2/ticket' }, { type: 'status', status: 500 });
    expect(await drainOutbox()).toBe(1);

    // The sync state is lost (crash before it was stored): every item comes again, none applies.
    const eventsBefore = (await t.database.db.select({ n: count() }).from(events))[0]?.n;
    await t.database.db
      .update(channelSync)
      .set({ state: null })
      .where(eq(channelSync.connectionId, connectionId));
    await simPost(`/__sim/wish/tickets/${ticketId}/user-reply`, { message: 'Pedido 998.' });
    t.clock.now += 60_000;
    expect(await syncNow()).toBe(1);
    t.clock.now += 60_000;
    await t.database.db
      .update(channelSync)
      .set({ state: null })
      .where(eq(channelSync.connectionId, connectionId));
    expect(await syncNow()).toBe(1);
    const eventsAfter = (await t.database.db.select({ n: count() }).from(events))[0]?.n;
    // Only the buyer's new message is a new event.
    expect((eventsAfter ?? 0) - (eventsBefore ?? 0)).toBe(1);

    // Reply and resolve: the reply meets a 503 (not applied) and a 429, the close times out after
    // Wish applied it; the retries re-read and settle without doubling anything.
    await fault({ method: 'POST', path: '/api/v2/ticket/reply' }, { type: 'status', status: 503 });
    await fault(
      { method: 'POST', path: '/api/v2/ticket/reply' },
      {
        type: 'status',
        status: 429,
        headers: { 'retry-after': '60' },
        body: { code: 1017, message: 'slow', data: {} },
      },
    );
    await fault(
      { method: 'POST', path: '/api/v2/ticket/close' },
      { type: 'timeout', applyEffect: true },
    );
    await call(
      'POST',
      `/conversations/${id}/actions/ticket.reply-and-resolve`,
      { reply: 'Chega amanhã.' },
      'agent',
    );
    expect(await drainOutbox()).toBeGreaterThan(1);

    expect(merchantReplies(ticketId)).toEqual([
      'user: Onde está meu pedido?',
      'merchant: Olá Ana, obrigado! Informe o número do pedido.',
      'user: Pedido 998.',
      'merchant: Chega amanhã.',
    ]);
    expect(sim.store.ticket(ticketId).state).toBe('CLOSED');
    const writes = (await vendorCalls(since)).filter((line) => line.startsWith('POST'));
    expect(writes).toEqual([
      'POST /ticket/reply — «Olá Ana, obrigado! Informe o número do pedido.»',
      'POST /ticket/reply 503 «Chega amanhã.»',
      'POST /ticket/reply 429 «Chega amanhã.»',
      'POST /ticket/reply 200 «Chega amanhã.»',
      'POST /ticket/close —',
    ]);
    const rows = await t.database.db.select({ state: outbox.state }).from(outbox);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
    const sent = await t.database.db
      .select({ state: messages.state })
      .from(messages)
      .where(eq(messages.direction, 'outbound'));
    expect(sent.map((row) => row.state)).not.toContain('dead');
    const journalText = JSON.stringify(await (await fetch(`${sim.url}/__sim/journal`)).json());
    expect(journalText).not.toContain(token);
  });
});
