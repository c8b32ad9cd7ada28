import type { AddressInfo } from 'node:net';
import { channelAdapters, createReclameAquiAdapter } from '@attendflow/nodes/runtime';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../db/schema/index.js';
import { startJourney } from '../testing/reclame-aqui-journey.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type Detail = {
  id: string;
  status: string;
  externalId: string;
  subject: string | null;
  transcript: Array<{
    direction: string;
    author: string;
    visibility: string | null;
    text: string;
    state: string;
  }>;
};
type Journey = Awaited<ReturnType<typeof startJourney>>;
const ACK = 'Recebemos sua reclamação “Produto não entregue”.';
const ANSWER = 'Olá! Reenviamos o seu pedido hoje.';

describe.each(testBackends())('Reclame Aqui end to end on $name', (backend) => {
  let t: TestApp;
  let appUrl: string;

  beforeAll(async () => {
    const adapter = createReclameAquiAdapter({ now: () => t.clock.now, requestTimeoutMs: 400 });
    const others = channelAdapters.filter((a) => a.channel.type !== 'reclame-aqui');
    t = await startTestApp(backend, { adapters: [...others, adapter] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    appUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api${url}`,
      headers: t.as('agent'),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const rows = (connectionId: string) =>
    t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.connectionId, connectionId))
      .orderBy(asc(conversations.createdAt));
  const detail = async (id: string) => (await api('GET', `/conversations/${id}`)).json<Detail>();
  const lines = (d: Detail) =>
    d.transcript.map(
      (m) => `${m.direction} ${m.author} ${m.visibility ?? '-'} ${m.state}: ${m.text}`,
    );
  const writes = (j: Journey) =>
    j.sim.journal
      .since(0)
      .filter((e) => e.method === 'POST' && e.path !== '/api/auth/oauth/token')
      .map((e) => [e.path.replace('/api/ticket/v1/tickets', ''), e.status, e.body]);

  /** The scripted journey; `settle` runs the sync until it has read what the callbacks announced. */
  async function journey(j: Journey, settle: () => Promise<void>) {
    const ticket = await j.actor('/complaints', {
      title: 'Produto não entregue',
      content: 'Comprei e não chegou.',
    });
    await settle();
    const [opened] = await rows(j.connectionId);
    expect(opened).toMatchObject({
      externalId: String(ticket.id),
      status: 'waiting',
      subject: 'Produto não entregue',
      queue: 'SAC',
    });
    await j.deliver();
    expect((await api('POST', `/conversations/${opened?.id ?? ''}/take`)).statusCode).toBe(200);
    expect(
      (
        await api('POST', `/conversations/${opened?.id ?? ''}/reply`, {
          text: ANSWER,
          visibility: 'public',
        })
      ).statusCode,
    ).toBe(200);
    const second = await api('POST', `/conversations/${opened?.id ?? ''}/reply`, {
      text: 'Mais uma resposta pública',
      visibility: 'public',
    });
    expect([
      second.statusCode,
      second.json<{ error: { details: unknown } }>().error.details,
    ]).toEqual([409, { rule: 'CHANNEL_PUBLIC_ANSWER_LIMIT', params: { max: 1 } }]);
    for (let i = 0; i < 8; i++) {
      j.advance(30_000);
      await j.deliver();
    }
    await j.actor(`/tickets/${ticket.id}/evaluate`, {
      resolved: true,
      dealAgain: true,
      grade: 9,
      comment: 'Resolveram rápido',
    });
    await settle();
    const closed = await detail(opened?.id ?? '');
    // Closed by the flow: the evaluation left request-evaluation through `evaluated`.
    expect(closed).toMatchObject({ status: 'closed', solution: 'resolvido' });
    const late = await api('POST', `/conversations/${closed.id}/reply`, {
      text: 'Obrigado!',
      visibility: 'private',
    });
    expect([
      late.statusCode,
      late.json<{ error: { details: { rule: string } } }>().error.details.rule,
    ]).toEqual([409, 'CHANNEL_RECEPTIVE_ONLY']);
    return { ticketId: ticket.id, conversationId: closed.id };
  }

  const expectedWrites = (id: number) => [
    ['/message/private', 200, { id: String(id), message: ACK, email: 'sac@loja.example' }],
    ['/message/public', 200, { id: String(id), message: ANSWER }],
    ['/evaluation', 200, { id: String(id) }],
  ];

  it('runs the journey: complaint, private acknowledgement, one public answer, evaluation, close', async () => {
    const j = await startJourney(t, appUrl);
    try {
      const settle = async () => {
        expect(await t.core.sync.runOnce()).toBe(1);
      };
      const { ticketId, conversationId } = await journey(j, settle);
      expect(writes(j)).toEqual(expectedWrites(ticketId));
      expect(j.sim.journal.since(0).map((e) => `${e.method} ${e.path} ${e.status ?? '-'}`)).toEqual(
        [
          'POST /api/auth/oauth/token 200',
          'GET /api/ticket/v1/tickets 200',
          'POST /api/ticket/v1/tickets/message/private 200',
          'POST /api/ticket/v1/tickets/message/public 200',
          'POST /api/ticket/v1/tickets/evaluation 200',
          'GET /api/ticket/v1/tickets 200',
        ],
      );
      expect(lines(await detail(conversationId))).toEqual([
        'inbound customer - received: Comprei e não chegou.',
        `outbound bot private sent: ${ACK}`,
        `outbound agent public sent: ${ANSWER}`,
      ]);
      const ticket = j.sim.store.ticket(ticketId).json;
      expect([
        ticket.ra_status.id,
        ticket.hugme_status.id,
        ticket.interactions.map((i) => i.ticket_interaction_type_id),
      ]).toEqual([18, 3, [1, 3, 2, 11]]);
      const status = await t.app.inject({
        method: 'GET',
        url: `/api/connections/${j.connectionId}/sync`,
        headers: t.as('admin'),
      });
      expect(status.json()).toMatchObject({
        status: {
          progress: { pagesDone: 1, done: true, itemsImported: 1 },
          lastError: null,
          runs: 2,
        },
      });
      expect(JSON.stringify(j.sim.journal.since(0))).not.toContain('client-secret');

      // A réplica on the finished attendance opens a new one, which the flow acknowledges.
      await j.actor(`/tickets/${ticketId}/consumer-replica`, { message: 'Chegou quebrado!' });
      await settle();
      const both = await rows(j.connectionId);
      expect(both.map((r) => [r.externalId, r.status])).toEqual([
        [String(ticketId), 'closed'],
        [String(ticketId), 'waiting'],
      ]);
      j.advance(30_000);
      await j.deliver();
      expect(lines(await detail(both[1]?.id ?? ''))).toEqual([
        'inbound customer - received: Chegou quebrado!',
        `outbound bot private sent: ${ACK}`,
      ]);
    } finally {
      await j.sim.close();
    }
  });
  it('runs the same journey through 429, 5xx, timeouts and duplicate, reordered and stale callbacks', async () => {
    const j = await startJourney(t, appUrl);
    try {
      const tickets = '/api/ticket/v1/tickets';
      j.sim.pushes.configure({ duplicate: 3, reorder: 'reverseBatch', batchWindowMs: 20 });
      j.sim.faults.add({
        match: { method: 'GET', path: tickets, nth: [1] },
        action: {
          type: 'status',
          status: 503,
          body: { success: false, code: 503, message: 'unavailable' },
        },
      });
      j.sim.faults.add({
        match: { method: 'GET', path: tickets, nth: [3] },
        action: { type: 'delay', ms: 150 },
      });
      j.sim.faults.add({
        match: { path: `${tickets}/message/private`, nth: [1] },
        action: { type: 'status', status: 429, headers: { 'Retry-After': '20' } },
      });
      j.sim.faults.add({
        match: { path: `${tickets}/message/public`, times: 1 },
        action: { type: 'timeout', applyEffect: true },
      });
      j.sim.faults.add({
        match: { path: `${tickets}/evaluation`, times: 1 },
        action: { type: 'status', status: 502, applyEffect: true },
      });
      const settle = async () => {
        for (let run = 0; run < 5; run++) {
          await t.core.sync.runOnce();
          if ((await t.core.sync.status(j.connectionId))?.lastError === null) return;
          j.advance(30_000);
        }
        throw new Error('the sync never recovered');
      };
      const { ticketId, conversationId } = await journey(j, settle);
      // A stale callback (an older change) arriving last is only a hint: nothing changes.
      const stale = await fetch(j.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          event: 'ticket.updated',
          ticket_id: ticketId,
          last_modification_date: '2026-03-02T11:00:00.000Z',
        }),
      });
      expect([stale.status, await stale.json()]).toEqual([200, { results: [] }]);
      await settle();

      const [ack, answer, evaluation] = expectedWrites(ticketId);
      expect(writes(j)).toEqual([
        [ack?.[0], 429, ack?.[2]],
        ack,
        [answer?.[0], null, answer?.[2]],
        [evaluation?.[0], 502, evaluation?.[2]],
      ]);
      const ticket = j.sim.store.ticket(ticketId).json;
      expect(ticket.interactions.map((i) => [i.ticket_interaction_type_id, i.message])).toEqual([
        [1, 'Comprei e não chegou.'],
        [3, ACK],
        [2, ANSWER],
        [11, 'Resolveram rápido'],
      ]);
      expect(lines(await detail(conversationId))).toEqual([
        'inbound customer - received: Comprei e não chegou.',
        `outbound bot private sent: ${ACK}`,
        `outbound agent public sent: ${ANSWER}`,
      ]);
      expect((await rows(j.connectionId)).map((r) => r.status)).toEqual(['closed']);
      const pushes = j.sim.pushes.deliveries();
      expect(pushes.filter((p) => p.copy === 3).length).toBeGreaterThanOrEqual(5);
      expect(pushes.every((p) => p.status === 200)).toBe(true);
      const perMinute = new Map<string, number>();
      for (const e of j.sim.journal.since(0))
        perMinute.set(e.at.slice(0, 16), (perMinute.get(e.at.slice(0, 16)) ?? 0) + 1);
      expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(10);
    } finally {
      await j.sim.close();
    }
  });

  it('lists the company pages of unsaved credentials for the admin screen, never echoing the secret', async () => {
    const j = await startJourney(t, appUrl);
    try {
      const test = (settings: Record<string, unknown>, as: 'admin' | 'agent' = 'admin') =>
        t.app.inject({
          method: 'POST',
          url: '/api/connections/test',
          headers: t.as(as),
          payload: { type: 'reclame-aqui', settings },
        });
      const settings = {
        description: 'RA',
        companyEmail: 'sac@loja.example',
        user: 'client-id',
        password: 'client-secret',
        baseUrl: j.sim.baseUrl,
      };
      const found = await test(settings);
      expect([found.statusCode, found.json()]).toEqual([
        200,
        {
          ok: true,
          detail: 'HugMe: 1 company page(s) for user client-id',
          facts: { companies: [{ companyId: 1234, name: 'Empresa Exemplo' }] },
        },
      ]);
      const refused = await test({ ...settings, password: 'wrong-secret' });
      expect(refused.json()).toEqual({
        ok: false,
        detail: 'Reclame Aqui refused the user and password',
      });
      expect(refused.body).not.toContain('wrong-secret');
      const bad = await test({ ...settings, syncIntervalMinutes: 5 });
      expect([bad.statusCode, bad.json<{ error: { message: string } }>().error.message]).toEqual([
        400,
        'settings.syncIntervalMinutes: sync at most every 10 minutes',
      ]);
      expect((await test(settings, 'agent')).statusCode).toBe(403);
    } finally {
      await j.sim.close();
    }
  });
});
