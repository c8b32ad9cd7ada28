import type { InboundItem, OutboundDelivery } from '@attendflow/engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWishAdapter } from './adapter.js';
import { wish, type WishSettings } from './definition.js';
import { startWishSimulator, type WishSimulator } from './simulator.js';

const token = 'wish-secret-token-42';
const merchantId = '5a000000000000000000000a';

// Real loopback HTTP, with 300 ms client timeouts: room for a loaded machine.
describe('wish adapter against the simulator', { timeout: 20_000 }, () => {
  let sim: WishSimulator;
  let settings: WishSettings;
  /** Runs between two calls of the adapter (after the n-th response), to play the other side. */
  let between: ((n: number, url: string) => Promise<void>) | null = null;
  let calls = 0;
  const adapter = createWishAdapter({
    pageSize: 2,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      calls += 1;
      await between?.(calls, input instanceof Request ? input.url : input.toString());
      return response;
    },
  });
  const signal = new AbortController().signal;
  const sync = (state: unknown = null) =>
    adapter.sync!({ settings, state: state as never, now: sim.clock.now(), signal });
  const actor = async (path: string, body: unknown = {}) =>
    (await (
      await fetch(`${sim.url}/__sim/wish/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { Ticket: { id: string } };
  const open = async (subject: string, category = 'post-purchase', locale = 'de') =>
    (
      await actor('tickets', {
        category,
        subject,
        message: subject,
        buyer: { name: 'Erika M.', locale },
      })
    ).Ticket.id;
  const fault = (rule: unknown) =>
    fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
  const journal = async () =>
    (
      (await (await fetch(`${sim.url}/__sim/journal`)).json()) as Array<{
        method: string;
        route: string;
        status: number | null;
        fault: string | null;
      }>
    ).map(
      (e) => `${e.method} ${e.route} ${e.status ?? 'no answer'}${e.fault ? ` (${e.fault})` : ''}`,
    );
  const delivery = (
    externalId: string,
    overrides: Partial<OutboundDelivery> = {},
  ): OutboundDelivery => ({
    idempotencyKey: 'k1',
    conversation: { id: 'c1', externalId, customer: { fields: {} }, subject: null },
    kind: 'message',
    message: {
      text: 'Ihr Paket ist unterwegs.',
      visibility: 'public',
      author: 'agent',
      attachments: [],
    },
    attempt: 1,
    ...overrides,
  });
  const action = (externalId: string, name: string, payload = {}, attempt = 1) =>
    delivery(externalId, { kind: 'action', action: { name, payload }, attempt });
  const merchantReplies = (id: string) =>
    sim.store
      .ticket(id)
      .replies.filter((r) => r.sender === 'merchant')
      .map((r) => r.message);

  beforeAll(async () => {
    sim = await startWishSimulator({ tokens: [{ token, merchantId }], ratePerMinute: 0 });
    settings = wish.settings.parse({
      accessToken: token,
      apiBaseUrl: sim.apiBaseUrl,
      requestTimeoutMs: 300,
    });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    between = null;
    calls = 0;
  });

  it('checks the token and names the merchant, or says why not without the token', async () => {
    expect(await adapter.testConnection!(settings, signal)).toEqual({
      ok: true,
      detail: `merchant ${merchantId}`,
      facts: { merchantId },
    });
    const bad = await adapter.testConnection!({ ...settings, accessToken: 'wrong' }, signal);
    expect(bad).toEqual({
      ok: false,
      detail:
        'checking the token: Wish refused the access token (code 4000: Unauthorized access); update the connection',
    });
  });

  it('syncs each ticket awaiting the merchant into a conversation start with the buyer’s facts', async () => {
    const id = await open('Wo ist meine Bestellung?');
    const result = await sync();
    expect(result.items).toEqual<InboundItem[]>([
      {
        externalId: id,
        dedupKey: `wish:${id}:reply:0:2026-03-02T12:00:00`,
        start: {
          subject: 'Wo ist meine Bestellung?',
          customer: {
            id: expect.any(String) as string,
            name: 'Erika M.',
            fields: { locale: 'de' },
          },
          text: 'Wo ist meine Bestellung?',
          metadata: {
            category: 'post-purchase',
            label: 'Post-purchase ticket',
            sublabel: '',
            locale: 'de',
            transactionId: expect.any(String) as string,
            orderIds: [expect.any(String) as string],
            openedAt: '2026-03-02T12:00:00.000Z',
          },
        },
        event: {
          type: 'customer.message',
          messageId: `wish:${id}:reply:0:2026-03-02T12:00:00`,
          text: 'Wo ist meine Bestellung?',
          attachments: [],
        },
      },
    ]);
    expect(result.nextSyncInMs).toBe(15 * 60_000);
    // Nothing changed: nothing to ingest.
    expect((await sync(result.state)).items).toEqual([]);
  });

  it('turns a buyer message after our reply into a new event, keyed by reply index and date', async () => {
    const id = await open('Wo ist meine Bestellung?');
    const first = await sync();
    expect(await adapter.deliver(delivery(id), settings, signal)).toEqual({ ok: true });
    // Answered: the ticket left the set, so a sync finds nothing.
    const quiet = await sync(first.state);
    expect(quiet.items).toEqual([]);
    sim.clock.advance(3_600_000);
    await actor(`tickets/${id}/user-reply`, { message: 'Immer noch nicht da.' });
    const again = await sync(quiet.state);
    expect(
      again.items.map((item) => [item.dedupKey, item.start === undefined, item.event?.type]),
    ).toEqual([
      [`wish:${id}:reply:0:2026-03-02T12:00:00`, false, 'customer.message'],
      [`wish:${id}:reply:2:2026-03-02T13:00:00`, true, 'customer.message'],
    ]);
  });

  it('keeps only the configured categories', async () => {
    await open('Passt die Größe M?', 'pre-purchase');
    const order = await open('Paket beschädigt', 'post-purchase');
    const result = await adapter.sync!({
      settings: { ...settings, categories: ['post-purchase'] },
      state: null,
      now: 0,
      signal,
    });
    expect(
      result.items.map((item) => [item.externalId, item.start?.metadata?.['category']]),
    ).toEqual([[order, 'post-purchase']]);
  });

  it('misses no ticket when one leaves the set between two pages (offset paging shifts)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await open(`Frage ${i}`, 'pre-purchase'));
      sim.clock.advance(1000);
    }
    // After the first page, another agent answers the first ticket: every later ticket moves back
    // one place, and the second page (start=2) starts at what was the fourth ticket.
    between = async (n) => {
      if (n !== 1) return;
      await fetch(`${sim.apiBaseUrl}/ticket/reply`, {
        method: 'POST',
        body: new URLSearchParams({ access_token: token, id: ids[0] ?? '', reply: 'Hallo' }),
      });
    };
    const result = await sync();
    expect(new Set(result.items.map((item) => item.externalId))).toEqual(new Set(ids));
    expect(result.progress?.pagesDone).toBeGreaterThan(3);
    const listings = (await journal()).filter((line) => line.includes('get-action-required'));
    expect(listings.length).toBe(result.progress?.pagesDone);
  });

  it('fails a sync on an expired token or a 5xx, naming the cause but never the token', async () => {
    await open('Frage');
    await actor('tokens', { token, merchantId, expiresAt: '2026-03-01T00:00:00Z' });
    const expired = await sync().catch((error: unknown) => error as Error);
    expect(expired).toBeInstanceOf(Error);
    expect((expired as Error).message).toBe(
      'listing tickets: Wish refused the access token (code 1015: Access token expired); update the connection',
    );
    await actor('tokens', { token, merchantId });
    await fault({
      match: { path: '/api/v2/ticket/get-action-required', times: 1 },
      action: { type: 'status', status: 502 },
    });
    const down = await sync().catch((error: unknown) => error as Error);
    expect((down as Error).message).toBe(
      'listing tickets: /ticket/get-action-required: HTTP 502 without a v2 body',
    );
    expect((await sync()).items).toHaveLength(1);
  });

  it('replies once: exactly one POST, and the ticket awaits the buyer', async () => {
    const id = await open('Frage');
    expect(await adapter.deliver(delivery(id), settings, signal)).toEqual({ ok: true });
    expect(await journal()).toEqual(['POST /api/v2/ticket/reply 200']);
    expect(sim.store.ticket(id).state).toBe('AWAITING_USER');
  });

  it('settles a reply that timed out after Wish applied it by re-reading the ticket: no second reply', async () => {
    const id = await open('Frage');
    await fault({
      match: { path: '/api/v2/ticket/reply', times: 1 },
      action: { type: 'timeout', applyEffect: true },
    });
    expect(await adapter.deliver(delivery(id), settings, signal)).toEqual({ ok: true });
    expect(await journal()).toEqual([
      'POST /api/v2/ticket/reply no answer (f1)',
      'GET /api/v2/ticket 200',
    ]);
    expect(merchantReplies(id)).toEqual(['Ihr Paket ist unterwegs.']);
  });

  it('retries a reply whose outcome stayed unknown only after a re-read, and treats 1000 with our reply as done', async () => {
    const id = await open('Frage');
    await fault({
      match: { path: '/api/v2/ticket/reply', times: 1 },
      action: { type: 'reset', applyEffect: true },
    });
    await fault({
      match: { path: '/api/v2/ticket', times: 1 },
      action: { type: 'status', status: 503 },
    });
    const first = await adapter.deliver(delivery(id), settings, signal);
    expect(first).toMatchObject({ ok: false, retryable: true });
    // The host's retry: the re-read shows the reply, so nothing is posted again.
    expect(await adapter.deliver(delivery(id, { attempt: 2 }), settings, signal)).toEqual({
      ok: true,
    });
    expect(await journal()).toEqual([
      'POST /api/v2/ticket/reply no answer (f1)',
      'GET /api/v2/ticket 503 (f2)',
      'GET /api/v2/ticket 200',
    ]);
    // A first try that meets our own earlier reply (code 1000, not awaiting) is a success too.
    expect(await adapter.deliver(delivery(id), settings, signal)).toEqual({ ok: true });
    expect(merchantReplies(id)).toEqual(['Ihr Paket ist unterwegs.']);
  });

  it('reposts after a 5xx that did not apply, and waits on 429 as told', async () => {
    const id = await open('Frage');
    await fault({
      match: { path: '/api/v2/ticket/reply', times: 1 },
      action: { type: 'status', status: 500 },
    });
    expect(await adapter.deliver(delivery(id), settings, signal)).toMatchObject({
      ok: false,
      retryable: true,
    });
    await fault({
      match: { path: '/api/v2/ticket/reply', times: 1 },
      action: {
        type: 'status',
        status: 429,
        headers: { 'retry-after': '60' },
        body: { code: 1017, message: 'slow down', data: {} },
      },
    });
    expect(await adapter.deliver(delivery(id, { attempt: 2 }), settings, signal)).toEqual({
      ok: false,
      retryable: true,
      error: 'replying: Wish is rate limiting (HTTP 429)',
      retryAfterMs: 60_000,
    });
    expect(await adapter.deliver(delivery(id, { attempt: 3 }), settings, signal)).toEqual({
      ok: true,
    });
    expect(merchantReplies(id)).toEqual(['Ihr Paket ist unterwegs.']);
  });

  it('gives up on a reply the buyer made impossible (ticket closed meanwhile) and on a bad token', async () => {
    const id = await open('Frage');
    await actor(`tickets/${id}/user-close`);
    expect(await adapter.deliver(delivery(id), settings, signal)).toEqual({
      ok: false,
      retryable: false,
      error: 'replying: Wish answered code 1000: ticket is not awaiting your response',
    });
    const other = await open('Noch eine');
    expect(
      await adapter.deliver(delivery(other), { ...settings, accessToken: 'revoked?' }, signal),
    ).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(merchantReplies(other)).toEqual([]);
  });

  it('closes, appeals and re-opens tickets; reply-and-resolve’s action is the close', async () => {
    const a = await open('A');
    expect(await adapter.deliver(delivery(a), settings, signal)).toEqual({ ok: true });
    expect(
      await adapter.deliver(action(a, 'ticket.reply-and-resolve', {}), settings, signal),
    ).toEqual({ ok: true });
    expect(sim.store.ticket(a).state).toBe('CLOSED');
    expect(
      await adapter.deliver(
        action(a, 'ticket.reopen', { reply: 'Wir prüfen erneut.' }),
        settings,
        signal,
      ),
    ).toEqual({
      ok: true,
    });
    expect(sim.store.ticket(a).state).toBe('AWAITING_USER');
    expect(await adapter.deliver(action(a, 'ticket.appeal'), settings, signal)).toEqual({
      ok: true,
    });
    expect(sim.store.ticket(a).state).toBe('AWAITING_WISH');
    const b = await open('B');
    // A close whose answer was lost: the retry sees it closed (code 1000) and is done.
    await fault({
      match: { path: '/api/v2/ticket/close', times: 1 },
      action: { type: 'timeout', applyEffect: true },
    });
    await fault({ match: { path: '/api/v2/ticket', times: 1 }, action: { type: 'reset' } });
    expect(await adapter.deliver(action(b, 'ticket.close'), settings, signal)).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(await adapter.deliver(action(b, 'ticket.close', {}, 2), settings, signal)).toEqual({
      ok: true,
    });
    expect(sim.store.ticket(b).state).toBe('CLOSED');
    expect(await adapter.deliver(action(b, 'evaluation.request'), settings, signal)).toEqual({
      ok: false,
      retryable: false,
      error: 'Wish has no action "evaluation.request"',
    });
  });

  it('has no webhooks in v2', () => {
    const request = { headers: {}, rawBody: '{}', body: {} };
    expect(adapter.verifyInbound(request, settings)).toBe(false);
    expect(adapter.parseInbound(request, settings)).toEqual({
      ok: false,
      issues: ['Wish API v2 has no webhooks: tickets are synced'],
    });
  });
});
