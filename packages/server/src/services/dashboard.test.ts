import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import { dashboardFigures } from './dashboard.js';

describe.each(testBackends())('dashboard evaluations on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const ra = await seedConnection(t.database.db, t.core.connections, {
      type: 'reclame-aqui',
      settings: { description: 'RA', companyEmail: 'sac@loja.example', user: 'u', password: 'p' },
    });
    const evaluations = [
      { score: 9, resolved: true },
      { score: 4, resolved: false },
      { score: 9.25, resolved: true },
      { resolved: false },
    ];
    for (const [i, evaluation] of evaluations.entries()) {
      const [row] = await t.database.db
        .insert(conversations)
        .values({
          connectionId: ra.connectionId,
          flowVersionId: ra.versionId,
          channel: 'reclame-aqui',
          externalId: `RA-${i}`,
          status: 'closed',
          customer: {},
          createdAt: new Date('2026-03-01T09:00:00Z'),
        })
        .returning({ id: conversations.id });
      await t.database.db.insert(events).values({
        conversationId: row?.id ?? '',
        connectionId: ra.connectionId,
        seq: 1,
        type: 'customer.evaluated',
        payload: { type: 'customer.evaluated', ...evaluation, answers: {} },
        flowVersionId: ra.versionId,
      });
    }
  });
  afterAll(() => t.close());

  const figures = (query: { from: string; to: string }) =>
    dashboardFigures({ database: t.database, registry: t.core.registry, now: t.clock.now }, query);

  it('totals the evaluations and counts them per rounded score, unscored ones left out', async () => {
    const { evaluations } = await figures({ from: '2026-03-01', to: '2026-03-01' });
    expect(evaluations).toEqual({
      count: 4,
      avgScore: (9 + 4 + 9.25) / 3,
      resolved: 2,
      notResolved: 2,
      good: 0,
      bad: 0,
      scores: [
        { score: 4, count: 1 },
        { score: 9, count: 2 },
      ],
    });
  });

  it('gives zeros for a period without evaluations', async () => {
    const { evaluations } = await figures({ from: '2026-02-01', to: '2026-02-02' });
    expect(evaluations).toEqual({
      count: 0,
      avgScore: null,
      resolved: 0,
      notResolved: 0,
      good: 0,
      bad: 0,
      scores: [],
    });
  });
});
