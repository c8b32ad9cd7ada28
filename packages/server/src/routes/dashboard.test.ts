import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events, messages, outbox } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import type { DashboardFigures } from './dashboard.js';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3_600_000;

describe.each(testBackends())('dashboard figures on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend);
    // The app's clock: 2026-03-02T12:00Z.
    const ra = await seedConnection(t.database.db, t.core.connections, {
      type: 'reclame-aqui',
      settings: { description: 'RA', companyEmail: 'sac@loja.example', user: 'u', password: 'p' },
    });
    const wish = await seedConnection(t.database.db, t.core.connections, {
      type: 'wish',
      settings: { accessToken: 'token' },
    });
    const db = t.database.db;
    const conversation = async (
      values: Partial<typeof conversations.$inferInsert> & { createdAt: Date; channel: string },
    ) => {
      const seeded = values.channel === 'wish' ? wish : ra;
      const [row] = await db
        .insert(conversations)
        .values({
          connectionId: seeded.connectionId,
          flowVersionId: seeded.versionId,
          externalId: crypto.randomUUID(),
          customer: {},
          ...values,
        })
        .returning();
      return row?.id ?? '';
    };
    const message = (
      conversationId: string,
      direction: 'inbound' | 'outbound',
      author: 'customer' | 'bot' | 'agent',
      createdAt: Date,
    ) =>
      db.insert(messages).values({
        conversationId,
        localId: crypto.randomUUID(),
        direction,
        author,
        text: 'x',
        state: direction === 'inbound' ? 'received' : 'sent',
        createdAt,
      });

    // Day 1: one Reclame Aqui complaint for SAC, answered by an agent after 10 min, closed after 2 h, evaluated.
    const a = await conversation({
      channel: 'reclame-aqui',
      sector: 'SAC',
      status: 'closed',
      createdAt: at('2026-03-01T09:00:00Z'),
      closedAt: at('2026-03-01T11:00:00Z'),
    });
    await message(a, 'inbound', 'customer', at('2026-03-01T09:00:00Z'));
    await message(a, 'outbound', 'bot', at('2026-03-01T09:00:01Z'));
    await message(a, 'outbound', 'agent', at('2026-03-01T09:10:00Z'));
    await db.insert(events).values({
      conversationId: a,
      connectionId: ra.connectionId,
      seq: 1,
      type: 'customer.evaluated',
      payload: { type: 'customer.evaluated', score: 9, resolved: true, answers: {} },
      flowVersionId: ra.versionId,
    });
    // Day 2: a Wish ticket answered in time (1 h) and again late (50 h after the buyer's second message) …
    const b = await conversation({
      channel: 'wish',
      sector: 'Vendas',
      createdAt: at('2026-02-27T08:00:00Z'),
    });
    await message(b, 'inbound', 'customer', at('2026-02-27T08:00:00Z'));
    await message(b, 'inbound', 'customer', at('2026-02-27T08:05:00Z'));
    await message(b, 'outbound', 'agent', at('2026-02-27T09:00:00Z'));
    await message(b, 'inbound', 'customer', at('2026-02-27T10:00:00Z'));
    await message(b, 'outbound', 'agent', at('2026-03-01T12:00:00Z'));
    // … and one still open, 2 h old; one dead delivery.
    const c = await conversation({
      channel: 'wish',
      sector: 'Vendas',
      createdAt: at('2026-03-02T10:00:00Z'),
    });
    await message(c, 'inbound', 'customer', at('2026-03-02T10:00:00Z'));
    await db.insert(outbox).values({
      conversationId: c,
      connectionId: wish.connectionId,
      kind: 'message',
      payload: {},
      idempotencyKey: 'dead-1',
      state: 'dead',
      nextAttemptAt: at('2026-03-02T10:00:00Z'),
      createdAt: at('2026-03-02T10:00:00Z'),
    });
    // Outside the period asked for below.
    await conversation({
      channel: 'wish',
      sector: 'Vendas',
      createdAt: at('2026-01-10T10:00:00Z'),
    });
  });
  afterAll(() => t.close());

  const get = (query: string, who: 'admin' | 'agent' = 'admin') =>
    t.app.inject({ method: 'GET', url: `/api/dashboard${query}`, headers: t.as(who) });

  it('computes each figure of the period', async () => {
    const response = await get('?from=2026-02-20&to=2026-03-02');
    expect(response.statusCode).toBe(200);
    const figures = response.json<DashboardFigures>();
    expect(figures.period).toEqual({ from: '2026-02-20', to: '2026-03-02' });
    expect(figures.perDay.byChannel).toEqual([
      { day: '2026-02-27', key: 'wish', count: 1 },
      { day: '2026-03-01', key: 'reclame-aqui', count: 1 },
      { day: '2026-03-02', key: 'wish', count: 1 },
    ]);
    expect(figures.perDay.bySector).toEqual([
      { day: '2026-02-27', key: 'Vendas', count: 1 },
      { day: '2026-03-01', key: 'SAC', count: 1 },
      { day: '2026-03-02', key: 'Vendas', count: 1 },
    ]);
    // Agents only: 10 min on the complaint, 1 h on the ticket (bots do not count).
    expect(figures.firstResponse).toEqual({
      count: 2,
      avgSeconds: 2100,
      medianSeconds: 2100,
      p90Seconds: 600 + 0.9 * 3000,
    });
    expect(figures.resolution).toEqual({
      count: 1,
      avgSeconds: 7200,
      medianSeconds: 7200,
      p90Seconds: 7200,
    });
    expect(figures.answerWindow).toEqual([
      { channel: 'wish', deadlineHours: 48, inTime: 1, late: 1, open: 1 },
    ]);
    expect(figures.evaluations).toEqual({
      count: 1,
      avgScore: 9,
      resolved: 1,
      notResolved: 0,
      good: 0,
      bad: 0,
      scores: [{ score: 9, count: 1 }],
    });
    expect(figures.failedDeliveries).toEqual({
      total: 1,
      byDay: [{ day: '2026-03-02', key: 'wish', count: 1 }],
    });
  });

  it('filters by channel and sector and defaults to the last 30 days', async () => {
    const byChannel = (await get('?channel=reclame-aqui')).json<DashboardFigures>();
    expect(byChannel.period).toEqual({ from: '2026-02-01', to: '2026-03-02' });
    expect(byChannel.perDay.byChannel.map((r) => r.key)).toEqual(['reclame-aqui']);
    expect(byChannel.answerWindow).toEqual([]);
    const bySector = (await get('?sector=Vendas&to=2026-03-01')).json<DashboardFigures>();
    expect(bySector.perDay.bySector).toEqual([{ day: '2026-02-27', key: 'Vendas', count: 1 }]);
    expect(bySector.failedDeliveries.total).toBe(0);
    expect(hours(bySector.answerWindow[0]?.deadlineHours ?? 0)).toBe(hours(48));
  });

  it('refuses agents and a reversed period', async () => {
    expect((await get('', 'agent')).statusCode).toBe(403);
    const reversed = await get('?from=2026-03-02&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { message: string } }>().error.message).toContain('from');
  });
});
