import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWishSimulator, type WishSimulator } from './simulator.js';

const token = 'wish-token-0123';
const merchantId = '5a000000000000000000000a';
const HOUR = 3_600_000;

type V2Ticket = Record<string, unknown> & { id: string };
interface JournalLine {
  method: string;
  route: string;
  status: number;
  fault: string | null;
  body: unknown;
  query: unknown;
  headers: Record<string, string>;
}
const idsOf = (data: unknown) => (data as Array<{ Ticket: V2Ticket }>).map((t) => t.Ticket.id);

describe('wish simulator (API v2)', () => {
  let sim: WishSimulator;
  const api = (path: string, params: Record<string, string> = {}, useToken = token) =>
    fetch(`${sim.apiBaseUrl}${path}?${new URLSearchParams({ access_token: useToken, ...params })}`);
  const post = (path: string, fields: Record<string, string>, useToken = token) =>
    fetch(`${sim.apiBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: useToken, ...fields }).toString(),
    });
  const actor = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${sim.url}/__sim/wish/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { Ticket: V2Ticket } };
  };
  const open = async (subject = 'Wo ist meine Bestellung?', category = 'post-purchase') =>
    (
      await actor('tickets', {
        category,
        subject,
        message: subject,
        translatedMessage: 'Where is my order?',
        buyer: { name: 'Erika M.', locale: 'de' },
        images: ['https://img.example/a.jpg'],
      })
    ).body.Ticket;
  const envelope = async (response: Response) => ({
    status: response.status,
    ...((await response.json()) as {
      code: number;
      message: string;
      data: unknown;
      paging?: Record<string, string>;
    }),
  });

  beforeAll(async () => {
    sim = await startWishSimulator({ tokens: [{ token, merchantId }], ratePerMinute: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    sim.clock.set(Date.parse('2026-03-02T12:00:00Z'));
  });

  it('opens a ticket awaiting the merchant, in the v2 shape, and reads it back with the envelope', async () => {
    const created = await open();
    expect(created).toMatchObject({
      merchant_id: merchantId,
      label: 'Post-purchase ticket',
      subject: 'Wo ist meine Bestellung?',
      state: 'Awaiting your response',
      state_id: '1',
      open_date: '2026-03-02T12:00:00',
      close_date: null,
      photo_proof: 'True',
      UserInfo: { name: 'Erika M.', locale: 'de' },
      replies: [
        {
          Reply: {
            sender: 'user',
            message: 'Wo ist meine Bestellung?',
            translated_message: 'Where is my order?',
            image_urls: "[u'https://img.example/a.jpg']",
            date: '2026-03-02T12:00:00',
          },
        },
      ],
    });
    expect(created['id']).toMatch(/^[0-9a-f]{24}$/);
    expect(created['items']).toHaveLength(1);
    const read = await envelope(await api('/ticket', { id: created['id'] }));
    expect(read).toMatchObject({ status: 200, code: 0, message: '', data: { Ticket: created } });
  });

  it('answers auth failures with codes 4000, 1015 and 1016 (HTTP 401) and takes a Bearer token', async () => {
    expect(await envelope(await api('/auth_test', {}, 'nope'))).toEqual({
      status: 401,
      code: 4000,
      message: 'Unauthorized access',
      data: {},
    });
    expect(await envelope(await fetch(`${sim.apiBaseUrl}/auth_test`))).toMatchObject({
      code: 4000,
    });
    await actor('tokens', { token: 'old', merchantId, expiresAt: '2026-03-02T11:00:00Z' });
    await actor('tokens', { token: 'gone', merchantId, revoked: true });
    expect(await envelope(await api('/auth_test', {}, 'old'))).toMatchObject({
      status: 401,
      code: 1015,
    });
    expect(await envelope(await api('/auth_test', {}, 'gone'))).toMatchObject({
      status: 401,
      code: 1016,
    });
    const bearer = await fetch(`${sim.apiBaseUrl}/auth_test`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await envelope(bearer)).toEqual({
      status: 200,
      code: 0,
      message: '',
      data: { merchant_id: merchantId },
    });
  });

  it('walks the state machine: reply → awaiting buyer, buyer → awaiting merchant, close, re-open, appeal', async () => {
    const { id } = await open();
    expect(
      await envelope(await post('/ticket/reply', { id, reply: 'Ihr Paket ist unterwegs.' })),
    ).toEqual({
      status: 200,
      code: 0,
      message: '',
      data: { success: true },
    });
    expect(sim.store.ticket(id).state).toBe('AWAITING_USER');
    // A reply only while the ticket awaits the merchant.
    expect(await envelope(await post('/ticket/reply', { id, reply: 'Noch etwas' }))).toEqual({
      status: 400,
      code: 1000,
      message: 'ticket is not awaiting your response',
      data: {},
    });
    await actor(`tickets/${id}/user-reply`, { message: 'Danke, noch nicht da.' });
    expect(sim.store.ticket(id).state).toBe('AWAITING_MERCHANT');
    expect(await envelope(await post('/ticket/close', { id }))).toMatchObject({ code: 0 });
    expect(await envelope(await post('/ticket/close', { id }))).toMatchObject({
      status: 400,
      code: 1000,
    });
    expect(await envelope(await post('/ticket/appeal-to-wish-support', { id }))).toMatchObject({
      code: 1000,
    });
    expect(
      await envelope(await post('/ticket/re-open', { id, reply: 'Wir prüfen es erneut.' })),
    ).toMatchObject({
      code: 0,
    });
    expect(sim.store.ticket(id)).toMatchObject({ state: 'AWAITING_USER', closedAt: null });
    expect(await envelope(await post('/ticket/re-open', { id, reply: 'x' }))).toMatchObject({
      code: 1000,
    });
    expect(await envelope(await post('/ticket/appeal-to-wish-support', { id }))).toMatchObject({
      code: 0,
    });
    expect((await envelope(await api('/ticket', { id }))).data).toMatchObject({
      Ticket: { state: 'Awaiting Wish support', state_id: '4' },
    });
    await actor(`tickets/${id}/wish-support`, {
      action: 'returnToMerchant',
      message: 'Please refund.',
    });
    expect(sim.store.ticket(id).state).toBe('AWAITING_MERCHANT');
    await actor(`tickets/${id}/permanently-close`);
    expect(await envelope(await post('/ticket/re-open', { id, reply: 'again' }))).toMatchObject({
      code: 1000,
      message: 'ticket is permanently closed',
    });
    expect(sim.store.ticket(id).replies.map((r) => r.sender)).toEqual([
      'user',
      'merchant',
      'user',
      'merchant',
      'wish',
    ]);
  });

  it('refuses bad parameters with code 1000: unknown id, empty or too long reply, limit over the max', async () => {
    const { id } = await open();
    expect(await envelope(await api('/ticket', { id: 'f'.repeat(24) }))).toMatchObject({
      status: 400,
      code: 1000,
      message: `ticket ${'f'.repeat(24)} not found`,
    });
    expect(await envelope(await post('/ticket/reply', { id, reply: ' ' }))).toMatchObject({
      code: 1000,
    });
    expect(
      await envelope(await post('/ticket/reply', { id, reply: 'x'.repeat(2001) })),
    ).toMatchObject({
      code: 1000,
      message: 'reply is longer than 2000 characters',
    });
    expect(await envelope(await post('/ticket/reply', { reply: 'hi' }))).toMatchObject({
      code: 1000,
      message: 'id is required',
    });
    expect(
      await envelope(await api('/ticket/get-action-required', { limit: '501' })),
    ).toMatchObject({
      code: 1000,
    });
    expect(sim.store.ticket(id).replies).toHaveLength(1);
  });

  it('pages the tickets awaiting the merchant by offset, oldest update first, with paging.next', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await open(`Frage ${i}`, 'pre-purchase')).id);
      sim.clock.advance(60_000);
    }
    await post('/ticket/reply', { id: ids[1] ?? '', reply: 'Antwort' });
    const first = await envelope(
      await api('/ticket/get-action-required', { start: '0', limit: '2' }),
    );
    expect(idsOf(first.data)).toEqual([ids[0], ids[2]]);
    expect(first.paging?.['next']).toContain('start=2&limit=2');
    expect(Object.keys(first.paging ?? {})).toEqual(['next']);
    const last = await envelope(
      await api('/ticket/get-action-required', { start: '2', limit: '2' }),
    );
    expect(idsOf(last.data)).toEqual([ids[3], ids[4]]);
    expect(last.paging?.['prev']).toContain('start=0');
    expect(Object.keys(last.paging ?? {})).toEqual(['prev']);
    // A buyer writing again moves the ticket to the end.
    await actor(`tickets/${ids[0]}/touch`);
    const again = await envelope(await api('/ticket/get-action-required', { limit: '50' }));
    expect(idsOf(again.data)).toEqual([ids[2], ids[3], ids[4], ids[0]]);
    expect(again.paging).toBeUndefined();
  });

  it('counts late answers after 48 h and lists overdue tickets in the metrics', async () => {
    const onTime = (await open('A')).id;
    const late = (await open('B')).id;
    sim.clock.advance(47 * HOUR);
    await post('/ticket/reply', { id: onTime, reply: 'ok' });
    sim.clock.advance(2 * HOUR);
    const metrics = async () =>
      (await (await fetch(`${sim.url}/__sim/wish/metrics`)).json()) as unknown;
    expect(await metrics()).toEqual({
      lateResponseRate: 0,
      csat: null,
      openAwaitingMerchant: 1,
      overdue: [late],
    });
    await post('/ticket/reply', { id: late, reply: 'sorry' });
    await actor(`tickets/${late}/csat`, { score: 4 });
    expect(await metrics()).toEqual({
      lateResponseRate: 0.5,
      csat: 4,
      openAwaitingMerchant: 0,
      overdue: [],
    });
  });

  it('applies faults (status, timeout with effect) and never journals the access token', async () => {
    const { id } = await open();
    await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        match: { method: 'POST', path: '/api/v2/ticket/reply', times: 1 },
        action: {
          type: 'status',
          status: 503,
          body: { code: -1, message: 'busy', data: {} },
          applyEffect: true,
        },
      }),
    });
    expect((await post('/ticket/reply', { id, reply: 'Hallo' })).status).toBe(503);
    // The effect was applied although the client saw a failure: the ambiguous write.
    expect(sim.store.ticket(id).state).toBe('AWAITING_USER');
    await api('/ticket', { id });
    await fetch(`${sim.apiBaseUrl}/auth_test`, { headers: { authorization: `Bearer ${token}` } });
    const journal = (await (await fetch(`${sim.url}/__sim/journal`)).json()) as JournalLine[];
    expect(journal.map((e) => [e.method, e.route, e.status, e.fault])).toEqual([
      ['POST', '/api/v2/ticket/reply', 503, 'f1'],
      ['GET', '/api/v2/ticket', 200, null],
      ['GET', '/api/v2/auth_test', 200, null],
    ]);
    expect(journal[0]?.body).toEqual({ access_token: '[redacted]', id, reply: 'Hallo' });
    expect(journal[1]?.query).toEqual({ access_token: '[redacted]', id });
    expect(journal[2]?.headers['authorization']).toBe('[redacted]');
    expect(JSON.stringify(journal)).not.toContain(token);
  });

  it('rate limits per token with HTTP 429 and Retry-After on the simulated clock', async () => {
    const limited = await startWishSimulator({ tokens: [{ token, merchantId }], ratePerMinute: 2 });
    try {
      const call = () => fetch(`${limited.apiBaseUrl}/auth_test?access_token=${token}`);
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({ code: 1017, message: 'Too many requests', data: {} });
      limited.clock.advance(60_000);
      expect((await call()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('dumps and loads its state', async () => {
    const { id } = await open();
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as unknown;
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(sim.store.tickets()).toHaveLength(0);
    await fetch(`${sim.url}/__sim/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state),
    });
    expect(sim.store.ticket(id).subject).toBe('Wo ist meine Bestellung?');
  });
});
