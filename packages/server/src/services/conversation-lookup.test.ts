import type { ConversationStatus } from '@attendflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import { latestAttendance } from './conversation-lookup.js';

describe.each(testBackends())('latestAttendance on $name', (backend) => {
  let t: TestApp;
  let connectionId: string;
  let versionId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    ({ connectionId, versionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'reclame-aqui',
      settings: {
        description: 'RA — Loja Exemplo',
        companyEmail: 'sac@loja.example',
        user: 'client-id',
        password: 'client-secret',
        baseUrl: 'http://127.0.0.1:9',
      },
    }));
  });
  afterAll(() => t.close());

  // Inserted oldest first, so that a lookup without an order would meet the oldest row first.
  async function attendances(
    externalId: string,
    statuses: ConversationStatus[],
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, status] of statuses.entries()) {
      const createdAt = new Date(Date.parse('2026-03-01T10:00:00Z') + i * 60_000);
      const [row] = await t.database.db
        .insert(conversations)
        .values({
          connectionId,
          channel: 'reclame-aqui',
          externalId,
          flowVersionId: versionId,
          status,
          customer: { fields: {} },
          createdAt,
          closedAt: status === 'closed' ? createdAt : null,
        })
        .returning({ id: conversations.id });
      if (!row) throw new Error('conversation not inserted');
      ids.push(row.id);
    }
    return ids;
  }

  it('finds the open attendance beside a closed one of the same external id', async () => {
    const [, open] = await attendances('RA-1', ['closed', 'waiting']);
    expect(await latestAttendance(t.database.db, connectionId, 'RA-1')).toEqual({
      id: open,
      channel: 'reclame-aqui',
      status: 'waiting',
    });
  });

  it('finds the open attendance even when a closed one is newer', async () => {
    const [open] = await attendances('RA-2', ['in-attendance', 'closed']);
    expect((await latestAttendance(t.database.db, connectionId, 'RA-2'))?.id).toBe(open);
  });

  it('finds the newest attendance when all are closed', async () => {
    const [, , newest] = await attendances('RA-3', ['closed', 'closed', 'closed']);
    expect(await latestAttendance(t.database.db, connectionId, 'RA-3')).toEqual({
      id: newest,
      channel: 'reclame-aqui',
      status: 'closed',
    });
  });

  it('finds nothing for an unknown external id', async () => {
    expect(await latestAttendance(t.database.db, connectionId, 'RA-404')).toBeNull();
  });
});
