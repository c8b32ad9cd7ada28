import type { OutboundDelivery, SyncResult } from '@attendflow/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimClock } from '../../simulator-kit/clock.js';
import type { JournalEntry } from '../../simulator-kit/journal.js';
import { createReclameAquiAdapter } from './adapter.js';
import { reclameAqui } from './definition.js';
import {
  startReclameAquiSimulator,
  type ReclameAquiSimulator,
} from './simulator/reclame-aqui-simulator.js';

let sim: ReclameAquiSimulator;
let adapter: ReturnType<typeof createReclameAquiAdapter>;
const clock = createSimClock(Date.parse('2026-05-04T15:00:00Z'));
const settings = () =>
  reclameAqui.settings.parse({
    description: 'RA',
    companyEmail: 'sac@loja.example',
    user: 'client-id',
    password: 'client-secret',
    baseUrl: sim.baseUrl,
  });
const signal = () => new AbortController().signal;
const complaint = async (title = 'Produto não entregue') => {
  const r = await fetch(`${sim.url}/__sim/ra/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, content: `${title}: texto` }),
  });
  return ((await r.json()) as { id: number }).id;
};
const calls = (since = 0) =>
  sim.journal
    .since(since)
    .map((e: JournalEntry) => `${e.method} ${e.path} ${e.status ?? 'no answer'}`);
const delivery = (
  ticketId: number,
  message: Partial<NonNullable<OutboundDelivery['message']>> | null,
  attempt = 1,
  action?: OutboundDelivery['action'],
): OutboundDelivery => ({
  idempotencyKey: `k-${ticketId}`,
  conversation: { id: 'c1', externalId: String(ticketId), customer: { fields: {} }, subject: null },
  kind: message ? 'message' : 'action',
  ...(message
    ? {
        message: { text: 'Olá', visibility: 'private', author: 'bot', attachments: [], ...message },
      }
    : {}),
  ...(action ? { action } : {}),
  attempt,
});
const sync = (state: SyncResult['state'] | null) =>
  adapter.sync?.({
    settings: settings(),
    state,
    now: clock.now(),
    signal: signal(),
  }) as Promise<SyncResult>;

beforeEach(async () => {
  clock.set(Date.parse('2026-05-04T15:00:00Z'));
  sim = await startReclameAquiSimulator({ clock });
  adapter = createReclameAquiAdapter({ now: () => clock.now(), requestTimeoutMs: 300 });
});
afterEach(() => sim.close());

describe('Reclame Aqui adapter against the simulator', () => {
  it('gets a token once, refreshes it before expiry and once on a 401, and lists the company pages', async () => {
    expect(await adapter.testConnection?.(settings(), signal())).toEqual({
      ok: true,
      detail: 'HugMe: 1 company page(s) for user client-id',
      facts: { companies: [{ companyId: 1234, name: 'Empresa Exemplo' }] },
    });
    await adapter.testConnection?.(settings(), signal());
    clock.advance(3600_000 - 30_000);
    await adapter.testConnection?.(settings(), signal());
    await fetch(`${sim.url}/__sim/ra/tokens/revoke`, { method: 'POST' });
    await adapter.testConnection?.(settings(), signal());
    expect(calls().slice(0, 8)).toEqual([
      'POST /api/auth/oauth/token 200',
      'GET /api/companies/v1/companies/organization 200',
      'GET /api/companies/v1/companies/organization 200',
      'POST /api/auth/oauth/token 200',
      'GET /api/companies/v1/companies/organization 200',
      'GET /api/companies/v1/companies/organization 401',
      'POST /api/auth/oauth/token 200',
      'GET /api/companies/v1/companies/organization 200',
    ]);
    await complaint();
    const withPage = await adapter.testConnection?.(
      { ...settings(), companyPageId: '1234' },
      signal(),
    );
    const periods = (withPage?.facts?.['reputation'] ?? []) as Array<{
      period: { periodKey: string };
      totalNotAnswered: number;
    }>;
    expect(periods.map((p) => [p.period.periodKey, p.totalNotAnswered])).toEqual([
      ['SEISMESES', 1],
      ['DOZEMESES', 1],
      ['UMANOATRAS', 1],
      ['DOISANOSATRAS', 1],
      ['GERAL', 1],
    ]);
    const refused = await adapter.testConnection?.({ ...settings(), password: 'wrong' }, signal());
    expect(refused).toEqual({ ok: false, detail: 'Reclame Aqui refused the user and password' });
    expect(JSON.stringify(sim.journal.since(0))).not.toContain('client-secret');
  });

  it('imports every page within the budget, reports progress, and misses nothing when a ticket moves while paging', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 420; i++) {
      clock.advance(1_000);
      ids.push(await complaint(`Reclamação ${i}`));
    }
    await fetch(`${sim.url}/__sim/ra/scenarios/pagination-shift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ beforeListCall: 2, ticketIds: [ids[10], ids[30]] }),
    });
    const first = await sync(null);
    expect(first.progress).toEqual({
      pagesDone: 6,
      pagesKnown: 9,
      itemsImported: 295,
      done: false,
    });
    expect(first.nextSyncInMs).toBeGreaterThan(50_000);
    clock.advance(first.nextSyncInMs ?? 0);
    const second = await sync(first.state);
    expect(second.progress).toMatchObject({ pagesDone: 9, done: true });
    const opened = [...first.items, ...second.items]
      .filter((item) => item.start)
      .map((item) => Number(item.externalId));
    expect(new Set(opened)).toEqual(new Set(ids));
    // Only the two tickets touched mid-import are read twice.
    expect(opened.length).toBe(ids.length + 2);
    const lists = sim.journal.since(0).filter((e) => e.route === '/api/ticket/v1/tickets');
    expect(lists.every((e) => e.status === 200)).toBe(true);
    expect(lists[0]?.query).toMatchObject({
      'sort[last_modification_date]': 'ASC',
      'page[size]': '50',
      'last_modification_date[gte]': '2026-05-04T03:00:00.000Z',
    });
    const perMinute = new Map<string, number>();
    for (const e of sim.journal.since(0).filter((e) => e.path.startsWith('/api/')))
      perMinute.set(e.at.slice(0, 16), (perMinute.get(e.at.slice(0, 16)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(10);
    clock.advance(30 * 60_000);
    const live = await sync(second.state);
    expect([live.items.length > 0, live.progress?.done, live.nextSyncInMs]).toEqual([
      true,
      true,
      30 * 60_000,
    ]);
  });

  it('reads a tie of more than a page on one date by id', async () => {
    for (let i = 0; i < 60; i++) await complaint(`Mesma hora ${i}`);
    for (const ticket of sim.store.tickets)
      ticket.json.last_modification_date = '2026-05-04T15:00:00.000Z';
    const result = await sync(null);
    expect(result.items.filter((item) => item.start)).toHaveLength(60);
    expect(
      sim.journal
        .since(0)
        .filter((e) => e.route === '/api/ticket/v1/tickets')
        .map((e) => e.query['id[gt]'] ?? e.query['last_modification_date[gt]'] ?? 'gte'),
    ).toEqual(['gte', expect.any(String), expect.any(String)]);
  });

  it('maps a complaint to a start in "waiting" with what the agent needs, and consumer events to events', async () => {
    const id = await complaint();
    const ticket = sim.store.ticket(id);
    const result = await sync(null);
    expect(result.items).toEqual([
      {
        externalId: String(id),
        dedupKey: `ra:${id}:${ticket.json.interactions[0]?.ticket_interaction_id ?? ''}`,
        start: {
          subject: 'Produto não entregue',
          text: 'Produto não entregue: texto',
          customer: {
            id: expect.any(String) as string,
            name: 'Consumidora Exemplo',
            email: 'consumidora@example.com',
            phone: '11900000000',
            fields: { city: 'Campinas', state: 'SP' },
          },
          metadata: expect.objectContaining({
            complaintId: ticket.json.source_external_id,
            ticketId: id,
            city: 'Campinas',
            state: 'SP',
            filedAt: ticket.json.creation_date,
            link: expect.stringMatching(
              /^https:\/\/www\.reclameaqui\.com\.br\/reclamacao\//,
            ) as string,
            retroactive: true,
          }) as Record<string, unknown>,
          policies: { minSpacingMs: 25_000 },
        },
        event: {
          type: 'customer.message',
          messageId: ticket.json.interactions[0]?.ticket_interaction_id,
          text: 'Produto não entregue: texto',
          attachments: [],
        },
      },
    ]);
  });

  it('sends a private message as multipart with the company e-mail, and backs off on 429 with Retry-After', async () => {
    const id = await complaint();
    sim.faults.add({
      match: { path: '/api/ticket/v1/tickets/message/private', nth: [1] },
      action: { type: 'status', status: 429, headers: { 'Retry-After': '42' } },
    });
    expect(await adapter.deliver(delivery(id, {}), settings(), signal())).toEqual({
      ok: false,
      retryable: true,
      error: 'POST /ticket/v1/tickets/message/private: 429 rate limited',
      retryAfterMs: 42_000,
    });
    // The budget waits for the vendor's Retry-After: nothing is sent before.
    expect(await adapter.deliver(delivery(id, {}, 2), settings(), signal())).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: expect.toSatisfy((ms: number) => ms > 41_000 && ms <= 42_000) as number,
    });
    clock.advance(42_000);
    expect(await adapter.deliver(delivery(id, {}, 3), settings(), signal())).toEqual({ ok: true });
    const sent = sim.journal.since(0).filter((e) => e.path.endsWith('/message/private'));
    expect(sent.map((e) => [e.status, e.headers['content-type']?.split(';')[0], e.body])).toEqual([
      [429, 'multipart/form-data', { id: String(id), message: 'Olá', email: 'sac@loja.example' }],
      [200, 'multipart/form-data', { id: String(id), message: 'Olá', email: 'sac@loja.example' }],
    ]);
  });

  it('never posts a public answer twice: a retry after a timeout with effect re-reads the ticket first', async () => {
    const id = await complaint();
    sim.faults.add({
      match: { path: '/api/ticket/v1/tickets/message/public', times: 1 },
      action: { type: 'timeout', applyEffect: true },
    });
    const answer = {
      text: 'Resposta pública',
      visibility: 'public' as const,
      author: 'agent' as const,
      agentId: 'a1',
    };
    expect(await adapter.deliver(delivery(id, answer), settings(), signal())).toEqual({
      ok: false,
      retryable: true,
      error: 'POST /ticket/v1/tickets/message/public timed out',
    });
    expect(await adapter.deliver(delivery(id, answer, 2), settings(), signal())).toEqual({
      ok: true,
    });
    expect(
      sim.store.ticket(id).json.interactions.filter((i) => i.ticket_interaction_type_id === 2),
    ).toHaveLength(1);
    expect(calls().slice(1)).toEqual([
      'POST /api/ticket/v1/tickets/message/public no answer',
      'GET /api/ticket/v1/tickets 200',
    ]);
  });

  it('requests moderation as multipart with migrateTO and a file, and reports the vendor’s refusals as final', async () => {
    const id = await complaint();
    const file = `data:text/plain;base64,${Buffer.from('prova').toString('base64')}`;
    const moderation = (payload: Record<string, unknown>) =>
      delivery(id, null, 1, { name: 'moderation.request', payload: payload as never });
    expect(
      await adapter.deliver(moderation({ reason: 2, message: 'x' }), settings(), signal()),
    ).toEqual({
      ok: false,
      retryable: false,
      error: 'POST /ticket/v1/tickets/moderation: 400 reason 2 is not accepted',
    });
    expect(
      await adapter.deliver(
        moderation({
          reason: 1,
          message: 'Outra loja',
          migrateTo: '5678',
          attachments: [{ name: 'prova.txt', url: file }],
        }),
        settings(),
        signal(),
      ),
    ).toEqual({ ok: true });
    const sent = sim.journal
      .since(0)
      .filter((e) => e.path.endsWith('/moderation'))
      .at(-1);
    expect([sent?.body, sent?.files]).toEqual([
      { id: String(id), reason: '1', message: 'Outra loja', migrateTO: '5678' },
      [{ field: 'file', name: 'prova.txt', size: 5 }],
    ]);
    expect(sim.store.ticket(id).json.moderation).toMatchObject({ status: 'PENDING', reason: 1 });
    expect(
      await adapter.deliver(
        delivery(id, null, 1, { name: 'evaluation.request', payload: {} }),
        settings(),
        signal(),
      ),
    ).toEqual({
      ok: false,
      retryable: false,
      error: 'POST /ticket/v1/tickets/evaluation: 409 evaluation not allowed',
    });
  });

  it('takes a callback only as a hint to re-read', () => {
    const hint = { event: 'ticket.updated', ticket_id: 4350001, delivery_id: 'd-1' };
    expect(
      adapter.verifyInbound({ headers: {}, rawBody: JSON.stringify(hint), body: hint }, settings()),
    ).toBe(true);
    expect(adapter.parseInbound({ headers: {}, rawBody: '', body: hint }, settings())).toEqual({
      ok: true,
      items: [],
      resync: true,
    });
    expect(adapter.verifyInbound({ headers: {}, rawBody: '{}', body: {} }, settings())).toBe(false);
  });
});
