import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow } from '../testing/traffic.js';
import { TimerWorker } from './timer-worker.js';

describe.each(testBackends())('timer worker on $name', (backend) => {
  let database: Database;
  let core: Core;
  let clock = Date.parse('2026-03-02T12:00:00Z');
  const ids: string[] = [];

  const count = async (query: string) =>
    Number((await database.rows<{ n: number }>(query))[0]?.n ?? -1);

  beforeAll(async () => {
    database = await backend.open();
    core = createCore({ database, secretKey: randomBytes(32), now: () => clock });
    const { connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings('http://127.0.0.1:9/unused'),
    });
    for (let c = 0; c < 7; c++) {
      const [opened] = await core.runtime.ingest(connectionId, {
        externalId: `t-${c}`,
        start: { customer: { name: 'Ana', fields: {} }, metadata: {} },
      });
      ids.push(opened?.conversationId ?? '');
    }
  });
  afterAll(() => database.close());

  it('drains a burst in full batches, several at a time, each timer once', async () => {
    const worker = new TimerWorker({
      database,
      runtime: core.runtime,
      now: () => clock,
      batchSize: 3,
      concurrency: 2,
    });
    expect(await worker.drain()).toBe(0);
    clock += 5_000;
    expect(await worker.depth()).toBe(7);
    expect(await worker.runOnce()).toBe(3);
    expect(await worker.drain()).toBe(4);
    expect(await worker.drain()).toBe(0);
    expect(await count(`select count(*)::int n from events where type = 'timer.fired'`)).toBe(7);
    expect(await count(`select count(*)::int n from messages where text = 'bye'`)).toBe(7);
    expect(await count(`select count(*)::int n from timers`)).toBe(0);
  });

  it('treats a second firing of the same timer as a duplicate', async () => {
    const [fired] = await database.rows<{ dedup_key: string; conversation_id: string }>(
      `select dedup_key, conversation_id from events where type = 'timer.fired' order by id limit 1`,
    );
    const timerId = fired?.dedup_key.split(':').at(-1) ?? '';
    const again = await core.runtime.dispatch(
      fired?.conversation_id ?? '',
      { type: 'timer.fired', timerId },
      { dedupKey: fired?.dedup_key ?? '', actor: 'timer' },
    );
    expect(again).toEqual({ status: 'duplicate', conversationId: fired?.conversation_id });
    expect(await count(`select count(*)::int n from events where type = 'timer.fired'`)).toBe(7);
  });
});
